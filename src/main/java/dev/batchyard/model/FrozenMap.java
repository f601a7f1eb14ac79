package dev.batchyard.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable JSON object whose contents {@link JsonValues} has already normalised, so the
 * record constructors take it as it is instead of copying it again (a decoded batch would
 * otherwise be built twice).
 *
 * @param <V> value type
 */
final class FrozenMap<V> extends AbstractMap<String, V> {
    private final Map<String, V> map;
    private final Set<Map.Entry<String, V>> entries;
    private final boolean sorted;

    /** @param sorted whether {@code map} and every object inside it are in {@link GoKeyOrder} */
    FrozenMap(Map<String, V> map, boolean sorted) {
        this.map = map;
        this.entries = Collections.unmodifiableMap(map).entrySet();
        this.sorted = sorted;
    }

    boolean sorted() {
        return sorted;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return entries;
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }
}
