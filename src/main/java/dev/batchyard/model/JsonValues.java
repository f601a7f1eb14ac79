package dev.batchyard.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return FrozenMap.sorting(entries(map, false, false));
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

    /**
     * For the codecs' readers: a Go map (in {@link GoKeyOrder}) of the mappings {@code keys[i]} to
     * {@code values[i]} for {@code i < n}, values already normalised and every object among them
     * sorted. Mappings read in Go's order (what every writer here writes) are taken as they are,
     * without the tree a map would build; others are sorted, and of two equal keys the later wins,
     * as with a map's {@code put}. The reader hands the arrays over and keeps no reference to them.
     */
    @SuppressWarnings("unchecked")
    public static <V> Map<String, V> adoptSorted(String[] keys, V[] values, int n) {
        Map.Entry<String, V>[] entries = new Map.Entry[n];
        for (int i = 0; i < n; i++) {
            entries[i] = new AbstractMap.SimpleImmutableEntry<>(requireKey(keys[i]), values[i]);
        }
        return FrozenMap.sorting(entries);
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
            if (sortObjects) {
                return FrozenMap.sorting(entries(m, true, true));
            }
            Map<String, Object> copy = new LinkedHashMap<>(m.size() * 2);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                copy.put(requireKey(e.getKey()), value(e.getValue(), false));
            }
            return new FrozenMap<>(copy, false);
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

    /** {@code map}'s mappings in its order, keys checked, values normalised when {@code normalise}. */
    @SuppressWarnings("unchecked")
    private static <V> Map.Entry<String, V>[] entries(Map<?, ?> map, boolean normalise, boolean sortObjects) {
        Map.Entry<String, V>[] out = new Map.Entry[map.size()];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (i == out.length) { // a map whose size() undercounts: grow rather than fail
                out = Arrays.copyOf(out, 2 * i + 1);
            }
            Object v = normalise ? value(e.getValue(), sortObjects) : e.getValue();
            out[i++] = new AbstractMap.SimpleImmutableEntry<>(requireKey(e.getKey()), (V) v);
        }
        return i == out.length ? out : Arrays.copyOf(out, i);
    }

    private static String requireKey(Object key) {
        if (key instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("JSON object keys are strings, not " + key);
    }
}
