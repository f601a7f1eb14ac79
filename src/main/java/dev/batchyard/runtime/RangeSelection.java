package dev.batchyard.runtime;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Puts rows {@code from} to {@code to} (exclusive) of an array in the places a full sort would give
 * them, leaving the rest only partitioned around them: a partial quicksort, O(n + k log k) for k
 * rows, so "rows 600,000 to 600,100 of a million" costs a few passes over the million, not a sort
 * of it. Rows are compared with a pivot's {@link SortKey} through their {@link RowOrder} (no key
 * per row); every row has one place (ties are broken by id), so a two-way partition is exact. The
 * pivot is drawn at random, so no arrival order (already sorted, reversed) makes it quadratic.
 * One thread.
 */
final class RangeSelection {
    /** Below this a piece is sorted by its keys outright. */
    private static final int SMALL = 24;

    private RangeSelection() {
    }

    /** @return rows {@code from} to {@code to} of {@code rows} in the order, {@code rows} reordered */
    static <T> List<T> select(T[] rows, RowOrder<T> order, int from, int to) {
        if (from >= to) {
            return List.of();
        }
        sort(rows, order, 0, rows.length, from, to, new SplittableRandom(rows.length));
        return List.of(Arrays.copyOfRange(rows, from, to));
    }

    /** Narrows [lo, hi) to the pieces that hold [from, to), sorting those pieces when small. */
    private static <T> void sort(T[] rows, RowOrder<T> order, int lo, int hi, int from, int to, SplittableRandom random) {
        while (hi - lo > SMALL) {
            int p = partition(rows, order, lo, hi, random);
            boolean left = from < p;
            boolean right = to > p + 1;
            if (left && right) {
                // the smaller side by recursion keeps the stack at O(log n)
                if (p - lo < hi - p) {
                    sort(rows, order, lo, p, from, to, random);
                    lo = p + 1;
                } else {
                    sort(rows, order, p + 1, hi, from, to, random);
                    hi = p;
                }
            } else if (left) {
                hi = p;
            } else if (right) {
                lo = p + 1;
            } else {
                return;
            }
        }
        sortSmall(rows, order, lo, hi);
    }

    /** Partitions [lo, hi) around a random pivot; answers the pivot's final index. */
    private static <T> int partition(T[] rows, RowOrder<T> order, int lo, int hi, SplittableRandom random) {
        swap(rows, lo + random.nextInt(hi - lo), hi - 1);
        SortKey pivot = order.key(rows[hi - 1]);
        int i = lo;
        for (int j = lo; j < hi - 1; j++) {
            if (order.compare(rows[j], pivot) < 0) {
                swap(rows, i++, j);
            }
        }
        swap(rows, i, hi - 1);
        return i;
    }

    private static <T> void sortSmall(T[] rows, RowOrder<T> order, int lo, int hi) {
        Comparator<T> byKey = Comparator.comparing(order::key, order.keys());
        Arrays.sort(rows, lo, hi, byKey);
    }

    private static <T> void swap(T[] rows, int a, int b) {
        T t = rows[a];
        rows[a] = rows[b];
        rows[b] = t;
    }
}
