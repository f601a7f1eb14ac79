package dev.batchyard.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable, normalised copies of the "any JSON" values a {@link LogEntry} carries. Normalising
 * is what lets every codec promise {@code decode(encode(x)).equals(x)}: whole numbers become
 * {@link Long} (or {@link BigInteger} beyond it), {@link Float} becomes {@link Double},
 * {@link BigDecimal} and {@link Double} stay as they are. Objects that Go holds in maps are kept
 * in Go's key order ({@link GoKeyOrder}); objects of unknown shape keep their order as read.
 * What is already normalised ({@link FrozenMap}, {@link FrozenList}) is returned as it is.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** A Go map ({@code map[string]T}) of plain values: sorted the way Go writes it; null stays null. */
    public static <V> Map<String, V> goMap(Map<String, V> map) {
        if (map == null || map instanceof FrozenMap<V> f && f.sorted()) {
            return map;
        }
        TreeMap<String, V> copy = new TreeMap<>(GoKeyOrder.INSTANCE);
        for (Map.Entry<String, V> e : map.entrySet()) {
            copy.put(requireKey(e.getKey()), e.getValue());
        }
        return new FrozenMap<>(copy, true);
    }

    /** A Go {@code map[string]interface{}}: sorted, with nested objects sorted as well. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> goAnyMap(Map<String, ?> map) {
        return map == null ? null : (Map<String, Object>) value(map, true);
    }

    /** An object whose keys this version does not know: insertion order is kept. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> orderedAnyMap(Map<String, ?> map) {
        return map == null ? null : (Map<String, Object>) value(map, false);
    }

    /** A list of plain values (strings, steps): an unmodifiable copy; null stays null. */
    public static <T> List<T> list(List<T> list) {
        if (list == null || list instanceof FrozenList) {
            return list;
        }
        return new FrozenList<>(new ArrayList<>(list), true);
    }

    /**
     * For the codecs' readers: wraps a map they built from values that are already normalised,
     * without copying, so the entry's constructor takes it as it is. The reader hands the map over
     * and keeps no reference to it.
     *
     * @param sorted whether {@code map} and every object inside it are in {@link GoKeyOrder}
     */
    public static <V> Map<String, V> adopt(Map<String, V> map, boolean sorted) {
        return new FrozenMap<>(map, sorted);
    }

    /** The list counterpart of {@link #adopt(Map, boolean)}. */
    public static <T> List<T> adopt(List<T> list, boolean sorted) {
        return new FrozenList<>(list, sorted);
    }

    /** One JSON value: String, Boolean, Number, List, Map or null. */
    public static Object value(Object v, boolean sortObjects) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long
                || v instanceof Double || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            // the float's own shortest digits, not its binary expansion (0.1f -> 0.1)
            return Double.parseDouble(f.toString());
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (v instanceof FrozenMap<?> f && f.sorted() == sortObjects
                || v instanceof FrozenList<?> l && l.sorted() == sortObjects) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = sortObjects ? new TreeMap<>(GoKeyOrder.INSTANCE) : new LinkedHashMap<>(m.size() * 2);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                copy.put(requireKey(e.getKey()), value(e.getValue(), sortObjects));
            }
            return new FrozenMap<>(copy, sortObjects);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object o : l) {
                copy.add(value(o, sortObjects));
            }
            return new FrozenList<>(copy, sortObjects);
        }
        throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName() + " " + v);
    }

    private static String requireKey(Object key) {
        if (key instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("JSON object keys are strings, not " + key);
    }
}
