package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.util.AbstractList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The table's rows as a window onto the matches: as long as the matches (so the scrollbar is the
 * store's), holding only one block of rows read from the store; every other index is {@code null},
 * which the table draws as a row still being read. A new block is published as one list change:
 * the old and the new block's indices set, and rows added or removed at the end when the count
 * changed, so the table re-renders a few hundred cells, never a million. UI thread only.
 */
final class PagedRows extends ObservableListBase<BatchView> {
    private int size;
    private int start;
    private List<BatchView> block = List.of();

    /** Shows {@code rows} at {@code offset}, the matches being {@code total}; forgets the block before. */
    void publish(int total, int offset, List<BatchView> rows) {
        int oldSize = size;
        int oldStart = start;
        int oldEnd = start + block.size();
        List<BatchView> oldBlock = block;
        size = total;
        start = offset;
        block = List.copyOf(rows.subList(0, Math.max(0, Math.min(rows.size(), total - offset))));
        beginChange();
        try {
            int common = Math.min(oldSize, size);
            int from = Math.min(common, Math.min(oldStart, start));
            int to = Math.min(common, Math.max(oldEnd, end()));
            for (int i = from; i < to; i++) {
                BatchView was = i >= oldStart && i < oldEnd ? oldBlock.get(i - oldStart) : null;
                if (was != get(i)) {
                    nextSet(i, was);
                }
            }
            if (size > oldSize) {
                nextAdd(oldSize, size);
            } else if (size < oldSize) {
                int removedFrom = size;
                nextRemove(size, new AbstractList<BatchView>() { // a view: a filter may remove a million rows
                    @Override
                    public BatchView get(int k) {
                        int i = removedFrom + k;
                        return i >= oldStart && i < oldEnd ? oldBlock.get(i - oldStart) : null;
                    }

                    @Override
                    public int size() {
                        return oldSize - removedFrom;
                    }
                });
            }
        } finally {
            endChange();
        }
    }

    /** Whether row {@code index} has been read (else {@link #get} is {@code null}). */
    boolean loaded(int index) {
        return index >= start && index < start + block.size();
    }

    /** The first index of the block read. */
    int start() {
        return start;
    }

    /** The index after the block read. */
    int end() {
        return start + block.size();
    }

    /** The rows read, in order, from {@link #start()}. */
    List<BatchView> block() {
        return block;
    }

    @Override
    public BatchView get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        return loaded(index) ? block.get(index - start) : null;
    }

    @Override
    public int size() {
        return size;
    }
}
