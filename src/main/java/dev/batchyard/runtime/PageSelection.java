package dev.batchyard.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Picks one page from batches offered in any order: those after the cursor's sort key, the first
 * {@code limit} of them in the order, kept in a heap of at most {@code limit} (the worst on top),
 * so a first page of 100 out of a million costs a pass and no sort of the million; a row is
 * compared with the cursor and the heap's worst through its {@link RowOrder}, and its key is made
 * only when it goes into the heap. Counts every
 * batch offered (the page's total) and those after the cursor (whether another page follows).
 * One thread.
 *
 * @param <T> what a row is: a cheap {@code engine.BatchRow} whose view is built only for the page
 */
final class PageSelection<T> {
    private final RowOrder<T> order;
    private final SortKey after;
    private final int limit;
    private final int offset;
    private final PriorityQueue<Row<T>> heap;
    /** Every row after the cursor, for a page at an offset; null for a page that skips nothing. */
    private final List<T> skipping;
    private int total;
    private int afterCursor;

    private record Row<T>(SortKey key, T row) {
    }

    /** @param after the cursor's sort key, or null for the first page */
    PageSelection(RowOrder<T> order, SortKey after, int limit) {
        this(order, after, 0, limit);
    }

    /** @param offset rows after the cursor to skip */
    PageSelection(RowOrder<T> order, SortKey after, int offset, int limit) {
        this.order = order;
        this.after = after;
        this.limit = limit;
        this.offset = offset;
        this.skipping = offset > 0 ? new ArrayList<>() : null;
        this.heap = new PriorityQueue<>(Math.min(limit, 1024), Comparator.comparing(Row<T>::key, order.keys().reversed()));
    }

    void offer(T row) {
        total++;
        if (after != null && order.compare(row, after) <= 0) {
            return;
        }
        afterCursor++;
        if (skipping != null) {
            skipping.add(row);
        } else if (heap.size() < limit) {
            heap.add(new Row<>(order.key(row), row));
        } else if (order.compare(row, heap.peek().key()) < 0) {
            heap.poll();
            heap.add(new Row<>(order.key(row), row));
        }
    }

    /** The page, in the order. */
    @SuppressWarnings("unchecked")
    List<T> rows() {
        if (skipping != null) {
            int from = Math.min(offset, skipping.size());
            int to = (int) Math.min((long) offset + limit, skipping.size());
            return RangeSelection.select((T[]) skipping.toArray(), order, from, to);
        }
        List<Row<T>> rows = new ArrayList<>(heap);
        rows.sort(Comparator.comparing(Row<T>::key, order.keys()));
        return rows.stream().map(Row<T>::row).toList();
    }

    /** Whether batches after the cursor are left beyond this page. */
    boolean hasMore() {
        if (skipping != null) {
            return afterCursor > (long) offset + limit;
        }
        return afterCursor > heap.size();
    }

    int total() {
        return total;
    }
}
