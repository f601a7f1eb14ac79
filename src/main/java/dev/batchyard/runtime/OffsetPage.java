package dev.batchyard.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A page at an offset deep in the order, in two passes that hold a few thousand rows rather than
 * all of them. The first pass counts the rows after the cursor and keeps a random sample of their
 * keys; the sample's quantiles bracket where rows {@code offset..offset + limit} fall, widened by
 * several standard errors of a sample quantile. The second pass counts the rows below the bracket
 * and keeps those inside it, of which the page is a slice once sorted. If the store changed between
 * the passes so that the bracket misses the page (or by bad luck), the page is picked the sure way
 * ({@link PageSelection} keeping every row after the cursor). One thread.
 *
 * @param <T> what a row is
 */
final class OffsetPage<T> {
    /** Sampled keys: the bracket's expected width is about 1/64 of the rows either side. */
    private static final int SAMPLE = 4096;
    /** Standard errors of a sample quantile the bracket is widened by. */
    private static final double WIDEN = 5;

    private final RowOrder<T> order;
    private final SortKey after;
    private final int offset;
    private final int limit;

    /** The page, how many rows were offered, and whether rows follow it. */
    record Result<T>(List<T> rows, int total, boolean hasMore) {
    }

    OffsetPage(RowOrder<T> order, SortKey after, int offset, int limit) {
        this.order = order;
        this.after = after;
        this.offset = offset;
        this.limit = limit;
    }

    /** @param rows a fresh stream of every row on each call (two passes, three if the bracket misses) */
    Result<T> select(Supplier<Stream<T>> rows) {
        Sample sample = new Sample();
        try (Stream<T> pass = rows.get()) {
            pass.forEach(sample::offer);
        }
        if (sample.afterCursor <= offset) {
            return new Result<>(List.of(), sample.total, false);
        }
        SortKey[] keys = sample.sorted();
        double rank = (double) offset / sample.afterCursor;
        double rankEnd = Math.min(1.0, (double) (offset + limit) / sample.afterCursor);
        double error = WIDEN * Math.sqrt(0.25 / keys.length) + 1.0 / keys.length;
        int lowAt = (int) Math.floor((rank - error) * keys.length);
        int highAt = (int) Math.ceil((rankEnd + error) * keys.length);
        SortKey low = lowAt <= 0 ? null : keys[lowAt];
        SortKey high = highAt >= keys.length ? null : keys[highAt];

        Bracket bracket = new Bracket(low, high);
        try (Stream<T> pass = rows.get()) {
            pass.forEach(bracket::offer);
        }
        int end = (int) Math.min((long) offset + limit, bracket.afterCursor);
        if (bracket.below > offset || bracket.below + bracket.inside.size() < end) {
            return sure(rows);
        }
        @SuppressWarnings("unchecked")
        T[] inside = (T[]) bracket.inside.toArray();
        List<T> page = RangeSelection.select(inside, order, offset - bracket.below, end - bracket.below);
        return new Result<>(page, bracket.total, bracket.afterCursor > end);
    }

    private Result<T> sure(Supplier<Stream<T>> rows) {
        PageSelection<T> selection = new PageSelection<>(order, after, offset, limit);
        try (Stream<T> pass = rows.get()) {
            pass.forEach(selection::offer);
        }
        return new Result<>(selection.rows(), selection.total(), selection.hasMore());
    }

    private boolean afterCursor(T row) {
        return after == null || order.compare(row, after) > 0;
    }

    /** The first pass: counts, and a reservoir of keys of the rows after the cursor. */
    private final class Sample {
        private final SortKey[] reservoir = new SortKey[SAMPLE];
        private final SplittableRandom random = new SplittableRandom(SAMPLE);
        private int total;
        private int afterCursor;

        void offer(T row) {
            total++;
            if (!afterCursor(row)) {
                return;
            }
            afterCursor++;
            if (afterCursor <= SAMPLE) {
                reservoir[afterCursor - 1] = order.key(row);
            } else {
                int at = random.nextInt(afterCursor);
                if (at < SAMPLE) {
                    reservoir[at] = order.key(row);
                }
            }
        }

        SortKey[] sorted() {
            SortKey[] keys = Arrays.copyOf(reservoir, Math.min(SAMPLE, afterCursor));
            Arrays.sort(keys, order.keys());
            return keys;
        }
    }

    /** The second pass: rows below the bracket counted, rows inside it kept. */
    private final class Bracket {
        private final SortKey low;
        private final SortKey high;
        private final List<T> inside = new ArrayList<>();
        private int total;
        private int afterCursor;
        private int below;

        Bracket(SortKey low, SortKey high) {
            this.low = low;
            this.high = high;
        }

        void offer(T row) {
            total++;
            if (!afterCursor(row)) {
                return;
            }
            afterCursor++;
            if (low != null && order.compare(row, low) < 0) {
                below++;
            } else if (high == null || order.compare(row, high) < 0) {
                inside.add(row);
            }
        }
    }
}
