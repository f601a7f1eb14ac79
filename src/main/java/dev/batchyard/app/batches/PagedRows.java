package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The table's rows as a window onto the matches: as long as the matches (so the scrollbar is the
 * store's), holding only one block of rows read from the store; every other index is {@code null},
 * which the table draws as a row still being read. A new block is published as one list change:
 * the old and the new block's rows replaced, and rows added or removed at the end when the count
 * changed, so the table re-renders a few hundred cells, never a million. The change is made here,
 * not by {@link ObservableListBase}'s builder: the builder copies every removed row one by one, and a
 * filter that leaves 100 of a million matches removes 999,900 (measured: most of the FX thread's
 * longest block while filtering a million batches, docs/fx-pulse.md); here the removed rows are a
 * view of the old block, whatever their number. A row read again unchanged keeps its object, so a block read
 * again with nothing new in it is no change at all. UI thread only.
 */
final class PagedRows extends ObservableListBase<BatchView> {
    private int size;
    private int start;
    private List<BatchView> block = List.of();

    /** Shows {@code rows} at {@code offset}, the matches being {@code total}; forgets the block before. */
    void publish(int total, int offset, List<BatchView> rows) {
        Rows before = new Rows(size, start, block);
        size = total;
        start = offset;
        block = keepingUnchanged(before, offset, rows.subList(0, Math.max(0, Math.min(rows.size(), total - offset))));
        List<Part> parts = new ArrayList<>(3);
        int common = Math.min(before.size(), size);
        // the old and the new block's rows (each clipped to the rows both lists have), one range if they touch
        int[][] ranges = {clip(before.start(), before.end(), common), clip(start, end(), common)};
        if (ranges[0][0] > ranges[1][0]) {
            ranges = new int[][] {ranges[1], ranges[0]};
        }
        if (ranges[0][1] >= ranges[1][0]) {
            ranges = new int[][] {{ranges[0][0], Math.max(ranges[0][1], ranges[1][1])}};
        }
        for (int[] range : ranges) {
            int from = range[0];
            int to = range[1];
            while (from < to && before.get(from) == get(from)) { // the same row read again: not a change
                from++;
            }
            while (to > from && before.get(to - 1) == get(to - 1)) {
                to--;
            }
            if (from < to) {
                parts.add(new Part(from, to, before.range(from, to)));
            }
        }
        if (size > before.size()) {
            parts.add(new Part(before.size(), size, List.of()));
        } else if (size < before.size()) {
            parts.add(new Part(size, size, before.range(size, before.size())));
        }
        if (!parts.isEmpty()) {
            fireChange(new Published(parts));
        }
    }

    /**
     * The new block, each row that equals the one shown at its index before being that same object: a round
     * read again because of events about other batches brings the rows on screen back unchanged, and an
     * unchanged object is no change to the table (no row re-bound, restyled and repainted).
     */
    private static List<BatchView> keepingUnchanged(Rows before, int offset, List<BatchView> rows) {
        BatchView[] kept = new BatchView[rows.size()];
        for (int i = 0; i < kept.length; i++) {
            BatchView row = rows.get(i);
            BatchView shown = before.get(offset + i);
            kept[i] = row.equals(shown) ? shown : row;
        }
        return List.of(kept);
    }

    private static int[] clip(int from, int to, int limit) {
        return new int[] {Math.min(from, limit), Math.min(to, limit)};
    }

    /** The list as it was before a publish: its removed rows are read from it, never copied. */
    private record Rows(int size, int start, List<BatchView> block) {
        int end() {
            return start + block.size();
        }

        BatchView get(int i) {
            return i >= start && i < end() ? block.get(i - start) : null;
        }

        /** Rows {@code from..to - 1} as they were, a view. */
        List<BatchView> range(int from, int to) {
            return new AbstractList<>() {
                @Override
                public BatchView get(int k) {
                    if (k < 0 || k >= to - from) {
                        throw new IndexOutOfBoundsException("row " + k + " of " + (to - from));
                    }
                    return Rows.this.get(from + k);
                }

                @Override
                public int size() {
                    return to - from;
                }
            };
        }
    }

    /** One part of a change: rows {@code from..to - 1} are new, where {@code removed} were. */
    private record Part(int from, int to, List<BatchView> removed) {
    }

    /** The parts of one publish, in ascending order, none of them changing the indices of those before it. */
    private final class Published extends ListChangeListener.Change<BatchView> {
        private final List<Part> parts;
        private int at = -1;

        Published(List<Part> parts) {
            super(PagedRows.this);
            this.parts = parts;
        }

        @Override
        public boolean next() {
            at++;
            return at < parts.size();
        }

        @Override
        public void reset() {
            at = -1;
        }

        private Part part() {
            if (at < 0 || at >= parts.size()) {
                throw new IllegalStateException("call next() before reading a change, and only while it answers true");
            }
            return parts.get(at);
        }

        @Override
        public int getFrom() {
            return part().from();
        }

        @Override
        public int getTo() {
            return part().to();
        }

        @Override
        public List<BatchView> getRemoved() {
            return part().removed();
        }

        @Override
        protected int[] getPermutation() {
            part();
            return new int[0];
        }

        @Override
        public String toString() { // not the removed rows: a million of them
            StringBuilder out = new StringBuilder("PagedRows change");
            parts.forEach(p -> out.append(' ').append(p.from()).append("..").append(p.to())
                    .append(" for ").append(p.removed().size()));
            return out.toString();
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
