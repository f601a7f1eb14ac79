package dev.batchyard.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list whose elements {@link JsonValues} has already normalised; see
 * {@link FrozenMap}.
 *
 * @param <T> element type
 */
final class FrozenList<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> list;
    private final boolean sorted;

    /** @param sorted whether every object inside is in {@link GoKeyOrder} */
    FrozenList(List<T> list, boolean sorted) {
        this.list = list;
        this.sorted = sorted;
    }

    boolean sorted() {
        return sorted;
    }

    @Override
    public T get(int index) {
        return list.get(index);
    }

    @Override
    public int size() {
        return list.size();
    }
}
