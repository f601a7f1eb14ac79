package dev.batchyard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A page deep in the order, picked in two passes from rows offered in any order. */
class OffsetPageTest {
    private static final BatchOrder ORDER = new BatchOrder(BatchOrder.Field.RETRIES, BatchOrder.Direction.DESCENDING);
    private static final RowOrder<BatchView> ROWS = RowOrder.byKey(SortKey.comparator(ORDER), v -> SortKey.of(ORDER.field(), v));

    /** {@code n} batches whose retries tie in runs of 7 (so the id breaks most ties), shuffled. */
    private static List<BatchView> shuffled(int n) {
        List<BatchView> views = new ArrayList<>(IntStream.range(0, n).mapToObj(i -> new BatchView(
                "b-%06d".formatted(i), "loki", BatchState.PENDING, 1, 100,
                OffsetDateTime.parse("2026-11-26T12:00:00Z"), null, i / 7, "", null, null, null)).toList());
        Collections.shuffle(views, new Random(23));
        return views;
    }

    private static List<String> expected(List<BatchView> rows, int offset, int limit) {
        List<BatchView> sorted = rows.stream().sorted(Comparator.comparing(
                (BatchView v) -> SortKey.of(ORDER.field(), v), SortKey.comparator(ORDER))).toList();
        return sorted.subList(Math.min(offset, sorted.size()), Math.min(offset + limit, sorted.size()))
                .stream().map(BatchView::id).toList();
    }

    @Test
    void everyOffsetOfAHundredThousandRowsIsTheSliceOfTheFullSortInTwoPasses() {
        List<BatchView> rows = shuffled(100_000);
        for (int offset : new int[] {1, 150, 4_095, 50_000, 77_777, 99_900, 99_999, 100_000, 250_000}) {
            AtomicInteger passes = new AtomicInteger();
            OffsetPage.Result<BatchView> page = new OffsetPage<>(ROWS, null, offset, 200)
                    .select(() -> {
                        passes.incrementAndGet();
                        return rows.stream();
                    });

            assertEquals(expected(rows, offset, 200), page.rows().stream().map(BatchView::id).toList(), "offset " + offset);
            assertEquals(100_000, page.total());
            assertEquals(offset + 200 < 100_000, page.hasMore());
            assertEquals(offset >= 100_000 ? 1 : 2, passes.get(), "passes at offset " + offset);
        }
    }

    @Test
    void rowsThatChangeBetweenThePassesAreStillPagedRightTheSureWay() {
        List<BatchView> first = shuffled(20_000);
        List<BatchView> second = new ArrayList<>(first.subList(0, 5_000)); // three quarters gone meanwhile
        AtomicInteger passes = new AtomicInteger();

        OffsetPage.Result<BatchView> page = new OffsetPage<>(ROWS, null, 4_000, 50)
                .select(() -> passes.getAndIncrement() == 0 ? first.stream() : second.stream());

        assertEquals(expected(second, 4_000, 50), page.rows().stream().map(BatchView::id).toList());
        assertEquals(3, passes.get(), "the bracket missed: a third pass keeps every row");
        assertEquals(5_000, page.total());
    }

    @Test
    void anOffsetCountsFromTheCursor() {
        List<BatchView> rows = shuffled(30_000);
        SortKey cursor = new SortKey(2_000, "b-014000"); // retries descending: rows after it have fewer retries

        OffsetPage.Result<BatchView> page = new OffsetPage<>(ROWS, cursor, 1_000, 10).select(rows::stream);

        List<BatchView> after = rows.stream().filter(v -> ROWS.compare(v, cursor) > 0).toList();
        assertEquals(expected(after, 1_000, 10), page.rows().stream().map(BatchView::id).toList());
        assertEquals(30_000, page.total());
    }
}
