package dev.batchyard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The embedded console's page is picked from batches offered in any order (the store's index order). */
class PageSelectionTest {
    private static final BatchOrder ORDER = new BatchOrder(BatchOrder.Field.RETRIES, BatchOrder.Direction.DESCENDING);

    /** 1000 batches, b-000 with 999 retries down to b-999 with none, offered shuffled. */
    private static List<BatchView> shuffled() {
        List<BatchView> views = new ArrayList<>(IntStream.range(0, 1000).mapToObj(i -> new BatchView(
                "b-%03d".formatted(i), "loki", BatchState.PENDING, 1, 100,
                OffsetDateTime.parse("2026-11-26T12:00:00Z"), null, 999 - i, "", null, null, null)).toList());
        Collections.shuffle(views, new Random(14));
        return views;
    }

    private static PageSelection<BatchView> select(SortKey after, int limit) {
        PageSelection<BatchView> inTest = new PageSelection<>(RowOrder.byKey(SortKey.comparator(ORDER),
                v -> SortKey.of(ORDER.field(), v)), after, limit);
        shuffled().forEach(inTest::offer);
        return inTest;
    }

    private static PageSelection<BatchView> selectAt(SortKey after, int offset, int limit, List<BatchView> offered) {
        PageSelection<BatchView> inTest = new PageSelection<>(RowOrder.byKey(SortKey.comparator(ORDER),
                v -> SortKey.of(ORDER.field(), v)), after, offset, limit);
        offered.forEach(inTest::offer);
        return inTest;
    }

    @Test
    void aPageAtAnOffsetIsThoseRowsOfTheFullSortWhateverOrderTheyCameIn() {
        List<BatchView> sorted = shuffled().stream().sorted(java.util.Comparator.comparing(
                (BatchView v) -> SortKey.of(ORDER.field(), v), SortKey.comparator(ORDER))).toList();
        List<BatchView> reversed = new ArrayList<>(sorted);
        Collections.reverse(reversed);
        List<List<BatchView>> arrivals = List.of(shuffled(), sorted, reversed);
        for (List<BatchView> offered : arrivals) {
            for (int offset : new int[] {1, 7, 499, 990, 999, 1000, 5000}) {
                PageSelection<BatchView> inTest = selectAt(null, offset, 25, offered);

                List<String> expected = sorted.subList(Math.min(offset, 1000), Math.min(offset + 25, 1000))
                        .stream().map(BatchView::id).toList();
                assertEquals(expected, ids(inTest), "offset " + offset);
                assertEquals(offset + 25 < 1000, inTest.hasMore(), "more after offset " + offset);
                assertEquals(1000, inTest.total());
            }
        }
    }

    @Test
    void anOffsetCountsFromTheCursor() {
        PageSelection<BatchView> inTest = selectAt(new SortKey(500, "b-499"), 10, 3, shuffled());

        assertEquals(List.of("b-510", "b-511", "b-512"), ids(inTest));
    }

    private static List<String> ids(PageSelection<BatchView> selection) {
        return selection.rows().stream().map(BatchView::id).toList();
    }

    @Test
    void theFirstPageIsTheFirstRowsInTheOrderWhateverOrderTheyCameIn() {
        PageSelection<BatchView> inTest = select(null, 4);

        assertEquals(List.of("b-000", "b-001", "b-002", "b-003"), ids(inTest));
        assertTrue(inTest.hasMore());
        assertEquals(1000, inTest.total());
    }

    @Test
    void aPageAfterACursorStartsRightAfterItsKey() {
        PageSelection<BatchView> inTest = select(new SortKey(500, "b-499"), 3);

        assertEquals(List.of("b-500", "b-501", "b-502"), ids(inTest));
        assertTrue(inTest.hasMore());
        assertEquals(1000, inTest.total(), "the total counts the batches before the cursor too");
    }

    @Test
    void theLastPageSaysNothingFollows() {
        PageSelection<BatchView> inTest = select(new SortKey(2, "b-997"), 5);

        assertEquals(List.of("b-998", "b-999"), ids(inTest));
        assertFalse(inTest.hasMore());
    }

    @Test
    void aPageExactlyAsLongAsWhatIsLeftSaysNothingFollows() {
        PageSelection<BatchView> inTest = select(new SortKey(3, "b-996"), 3);

        assertEquals(List.of("b-997", "b-998", "b-999"), ids(inTest));
        assertFalse(inTest.hasMore());
    }

    @Test
    void aPageLargerThanTheStoreHoldsEveryBatchInOrder() {
        PageSelection<BatchView> inTest = select(null, Integer.MAX_VALUE);

        assertEquals(IntStream.range(0, 1000).mapToObj("b-%03d"::formatted).toList(), ids(inTest));
        assertFalse(inTest.hasMore());
    }
}
