package dev.batchyard.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable JSON object whose contents {@link JsonValues} has already normalised, so the
 * record constructors take it as it is instead of copying it again (a decoded batch would
 * otherwise be built twice).
 *
 * <p>Its mappings are one array of immutable entries in iteration order: walking them (what every
 * encoder does with every entry's labels and fields) is a walk along an array, where a
 * {@code TreeMap} behind an unmodifiable view chased tree nodes and wrapped each entry on the way;
 * that walk was about a tenth of a producer's CPU. A map in {@link GoKeyOrder} finds a key by binary
 * search; one kept in the order read (keys of unknown shape) keeps the map it came in for lookups.
 *
 * @param <V> value type
 */
final class FrozenMap<V> extends AbstractMap<String, V> {
    private final Map.Entry<String, V>[] entries;
    /** For lookups when the entries are not in {@link GoKeyOrder}; null when they are (binary search). */
    private final Map<String, V> unsortedLookup;
    private final boolean sorted;

    /**
     * @param map    the mappings, taken over (the caller keeps no reference to change it)
     * @param sorted whether {@code map} and every object inside it are in {@link GoKeyOrder}
     */
    FrozenMap(Map<String, V> map, boolean sorted) {
        this(entriesOf(map), sorted, sorted ? null : map);
    }

    private FrozenMap(Map.Entry<String, V>[] entries, boolean sorted, Map<String, V> unsortedLookup) {
        this.entries = sorted ? inGoKeyOrder(entries) : entries;
        this.unsortedLookup = unsortedLookup;
        this.sorted = sorted;
    }

    /**
     * A map in {@link GoKeyOrder} of {@code entries} (taken over; keys not null; values normalised, and
     * every object among them sorted too). Of two entries with the same key the later one wins, as a
     * map's {@code put} would have it.
     */
    static <V> FrozenMap<V> sorting(Map.Entry<String, V>[] entries) {
        return new FrozenMap<>(entries, true, null);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map.Entry<String, V>[] entriesOf(Map<String, V> map) {
        Map.Entry<String, V>[] array = new Map.Entry[map.size()];
        int i = 0;
        for (Map.Entry<String, V> e : map.entrySet()) {
            array[i++] = new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue());
        }
        return array;
    }

    /** {@code entries} sorted (stable) with duplicate keys dropped but the last; as given when already in order. */
    private static <V> Map.Entry<String, V>[] inGoKeyOrder(Map.Entry<String, V>[] entries) {
        boolean inOrder = true;
        for (int i = 1; i < entries.length && inOrder; i++) {
            inOrder = GoKeyOrder.INSTANCE.compare(entries[i - 1].getKey(), entries[i].getKey()) < 0;
        }
        if (inOrder) {
            return entries;
        }
        Map.Entry<String, V>[] sorted = entries.clone();
        Arrays.sort(sorted, (a, b) -> GoKeyOrder.INSTANCE.compare(a.getKey(), b.getKey()));
        int kept = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (kept > 0 && sorted[kept - 1].getKey().equals(sorted[i].getKey())) {
                sorted[kept - 1] = sorted[i];
            } else {
                sorted[kept++] = sorted[i];
            }
        }
        return kept == sorted.length ? sorted : Arrays.copyOf(sorted, kept);
    }

    boolean sorted() {
        return sorted;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < entries.length;
                    }

                    @Override
                    public Map.Entry<String, V> next() {
                        if (next >= entries.length) {
                            throw new NoSuchElementException();
                        }
                        return entries[next++];
                    }
                };
            }

            @Override
            public int size() {
                return entries.length;
            }
        };
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (Map.Entry<String, V> e : entries) {
            action.accept(e.getKey(), e.getValue());
        }
    }

    @Override
    public int size() {
        return entries.length;
    }

    @Override
    public V get(Object key) {
        if (unsortedLookup != null) {
            return unsortedLookup.get(key);
        }
        int at = find(key);
        return at < 0 ? null : entries[at].getValue();
    }

    @Override
    public boolean containsKey(Object key) {
        return unsortedLookup != null ? unsortedLookup.containsKey(key) : find(key) >= 0;
    }

    /** Where {@code key} is among the sorted entries, or -1. */
    private int find(Object key) {
        if (!(key instanceof String k)) {
            return -1;
        }
        int low = 0;
        int high = entries.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = GoKeyOrder.INSTANCE.compare(entries[mid].getKey(), k);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
