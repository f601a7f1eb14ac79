package dev.batchyard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.StoreCapacity;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.BatchState;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Console#each} over a console that pages as a server may: fewer rows than asked, and now
 * and then an empty page that still has a cursor.
 */
class PageWalkTest {

    @Test
    void aConsoleThatCapsItsPagesIsWalkedToTheEnd() {
        PagingConsole inTest = new PagingConsole(7, 2, false);

        assertEquals(List.of("b-0", "b-1", "b-2", "b-3", "b-4", "b-5", "b-6"),
                inTest.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, 100).map(BatchView::id).toList());
        assertEquals(4, inTest.pagesRead);
    }

    @Test
    void anEmptyPageThatHasACursorIsReadPast() {
        PagingConsole inTest = new PagingConsole(5, 2, true);

        assertEquals(5, inTest.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, 2).count());
    }

    @Test
    void pagesAreReadOnlyAsTheStreamIsConsumed() {
        PagingConsole inTest = new PagingConsole(1000, 10, false);

        assertEquals("b-0", inTest.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, 10).findFirst().orElseThrow().id());
        assertEquals(1, inTest.pagesRead);
    }

    @Test
    void aStoreWithNoBatchesIsOneEmptyPage() {
        PagingConsole inTest = new PagingConsole(0, 10, false);

        assertEquals(0, inTest.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, 10).count());
        assertEquals(1, inTest.pagesRead);
    }

    @Test
    void aPageOfNoRowsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PagingConsole(1, 1, false).each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, 0));
    }

    /** Serves {@code count} batches, at most {@code cap} a page, the cursor being the next index. */
    private static final class PagingConsole implements Console {
        private final List<BatchView> rows = new ArrayList<>();
        private final int cap;
        private final boolean emptyPages;
        int pagesRead;

        PagingConsole(int count, int cap, boolean emptyPages) {
            IntStream.range(0, count).forEach(i -> rows.add(new BatchView("b-" + i, "loki", BatchState.PENDING, 1, 100,
                    OffsetDateTime.parse("2026-11-26T12:00:00Z").plusSeconds(i), null, 0, "", null, null, null)));
            this.cap = cap;
            this.emptyPages = emptyPages;
        }

        @Override
        public BatchPage batches(BatchQuery query, BatchOrder order, PageRequest page) {
            pagesRead++;
            int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor().substring(1));
            boolean empty = emptyPages && page.cursor() != null && page.cursor().startsWith("e");
            int to = empty ? from : Math.min(rows.size(), from + Math.min(cap, page.limit()));
            String next = to < rows.size() ? (emptyPages && !empty ? "e" : "n") + to : null;
            return new BatchPage(rows.subList(from, to), next, rows.size());
        }

        // ---- not used by the walk ----

        @Override
        public StoreInfo info() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<BatchView> find(Collection<String> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Batch> batch(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StoreStats stats() {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.batchyard.search.SearchSummary search(dev.batchyard.search.SearchRequest request,
                                                         dev.batchyard.search.SearchListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StoreCapacity capacity() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SinkView> sinks() {
            throw new UnsupportedOperationException();
        }

        @Override
        public BatchView persist(NewBatch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ActionResult> retryNow(Collection<String> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ActionResult> discard(Collection<String> ids, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ActionResult> restore(Collection<String> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<dev.batchyard.engine.DiscardedBatch> recentlyDiscarded() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ActionResult> reroute(Collection<String> ids, String sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ActionResult> requeue(Collection<String> ids, String sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.batchyard.engine.RepairResult split(dev.batchyard.engine.SplitRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.batchyard.engine.RepairResult merge(dev.batchyard.engine.MergeRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.batchyard.engine.EditResult edit(dev.batchyard.engine.EditRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.batchyard.engine.ReplayStatus startReplay(dev.batchyard.engine.ReplayRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<dev.batchyard.engine.ReplayStatus> replay() {
            throw new UnsupportedOperationException();
        }

        @Override
        public dev.batchyard.engine.ReplayStatus controlReplay(dev.batchyard.engine.ReplayControl control) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean recordTransfer(dev.batchyard.engine.Transfer transfer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRecoveryPaused(boolean paused) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CleanupReport runCleanupNow() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EventSubscription subscribe(int capacity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditPage audit(AuditQuery query, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<BatchEvent.CorruptionFound> damage() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
