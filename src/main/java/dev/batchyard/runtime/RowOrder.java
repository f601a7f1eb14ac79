package dev.batchyard.runtime;

import java.util.Comparator;
import java.util.function.Function;

/**
 * How a page's pass places a row in an order: the row's {@link SortKey}, and the comparison of a
 * row with a key. The comparison is what the pass makes for every stored batch (a row against the
 * cursor and the heap's worst), so an order may answer it without making the row's key
 * ({@link BatchRowOrder}); it must agree with {@code keys().compare(key(row), key)}.
 *
 * @param <T> what a row is
 */
interface RowOrder<T> {

    /** The comparison of keys in this order (direction included). */
    Comparator<SortKey> keys();

    SortKey key(T row);

    /** As {@code keys().compare(key(row), key)}. */
    default int compare(T row, SortKey key) {
        return keys().compare(key(row), key);
    }

    /** An order that makes each row's key to compare it. */
    static <T> RowOrder<T> byKey(Comparator<SortKey> keys, Function<T, SortKey> key) {
        return new RowOrder<>() {
            @Override
            public Comparator<SortKey> keys() {
                return keys;
            }

            @Override
            public SortKey key(T row) {
                return key.apply(row);
            }
        };
    }
}
