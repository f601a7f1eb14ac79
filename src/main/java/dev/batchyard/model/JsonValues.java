package dev.batchyard.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
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
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** A Go map ({@code map[string]T}): sorted the way Go writes it; null stays null. */
    public static <V> Map<String, V> goMap(Map<String, V> map) {
        if (map == null) {
            return null;
        }
        TreeMap<String, V> copy = new TreeMap<>(GoKeyOrder.INSTANCE);
        for (Map.Entry<String, V> e : map.entrySet()) {
            copy.put(requireKey(e.getKey()), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    /** A Go {@code map[string]interface{}}: sorted, with nested objects sorted as well. */
    public static Map<String, Object> goAnyMap(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        TreeMap<String, Object> copy = new TreeMap<>(GoKeyOrder.INSTANCE);
        for (Map.Entry<String, ?> e : map.entrySet()) {
            copy.put(requireKey(e.getKey()), value(e.getValue(), true));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** An object whose keys this version does not know: insertion order is kept. */
    public static Map<String, Object> orderedAnyMap(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<String, ?> e : map.entrySet()) {
            copy.put(requireKey(e.getKey()), value(e.getValue(), false));
        }
        return Collections.unmodifiableMap(copy);
    }

    public static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
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
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, ?> sm = (Map<String, ?>) m;
            return sortObjects ? goAnyMap(sm) : orderedAnyMap(sm);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object o : l) {
                copy.add(value(o, sortObjects));
            }
            return Collections.unmodifiableList(copy);
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
