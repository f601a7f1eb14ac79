package dev.batchyard.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.LogEntry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scan: hits in the source's order whatever thread found them, limit, cancel, unreadable batches. */
class EntrySearchTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    /** {@code batches} batches of {@code entries} entries; entry i of batch b says "timeout" when (b + i) % 7 == 0. */
    private static Source source(int batches, int entries) {
        Map<String, Batch> byId = new LinkedHashMap<>();
        for (int b = 0; b < batches; b++) {
            List<LogEntry> list = new ArrayList<>();
            for (int i = 0; i < entries; i++) {
                list.add(LogEntry.builder().message(((b + i) % 7 == 0 ? "timeout" : "ok") + " " + b + "/" + i).build());
            }
            String id = "b-" + b;
            byId.put(id, new Batch(new BatchView(id, "loki", BatchState.PENDING, entries, 100, T0, null, 0, null, null,
                    Map.of(), List.of()), list));
        }
        return new Source(byId, Set.of());
    }

    private record Source(Map<String, Batch> byId, Set<String> damaged) implements BatchSource {
        @Override
        public List<String> ids() {
            return List.copyOf(byId.keySet());
        }

        @Override
        public Optional<Batch> batch(String id) {
            if (damaged.contains(id)) {
                throw new StoreException("record of '" + id + "' at segment 3 offset 77 does not decode");
            }
            return Optional.ofNullable(byId.get(id));
        }
    }

    private static final class Collecting implements SearchListener {
        final List<String> hits = new ArrayList<>();
        final List<SearchProgress> progress = new ArrayList<>();

        @Override
        public boolean hit(SearchHit hit) {
            hits.add(hit.batch().id() + "#" + hit.entryIndex());
            return true;
        }

        @Override
        public boolean progress(SearchProgress p) {
            progress.add(p);
            return true;
        }
    }

    private static List<String> expected(int batches, int entries) {
        List<String> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < entries; i++) {
                if ((b + i) % 7 == 0) {
                    out.add("b-" + b + "#" + i);
                }
            }
        }
        return out;
    }

    @Test
    void everyHitArrivesInTheSourcesOrderWhicheverWorkerFoundIt() {
        Collecting listener = new Collecting();

        SearchSummary summary = new EntrySearch(4).run(EntryQuery.parse("timeout", false), source(300, 20),
                1_000_000, listener);

        assertEquals(expected(300, 20), listener.hits);
        assertEquals(SearchSummary.Ending.COMPLETE, summary.ending());
        assertEquals(new SearchProgress(300, 300, 6000, listener.hits.size(), 300), summary.progress());
        assertEquals(summary.progress(), listener.progress.get(listener.progress.size() - 1), "the last progress is the end");
    }

    @Test
    void theLimitStopsAtExactlyThatManyHitsTheFirstOnes() {
        Collecting listener = new Collecting();

        SearchSummary summary = new EntrySearch(3).run(EntryQuery.parse("timeout", false), source(300, 20), 50,
                listener);

        assertEquals(expected(300, 20).subList(0, 50), listener.hits);
        assertEquals(SearchSummary.Ending.LIMIT_REACHED, summary.ending());
    }

    @Test
    void aListenerSayingStopCancelsTheSearch() {
        List<String> seen = new ArrayList<>();

        SearchSummary summary = new EntrySearch(2).run(EntryQuery.parse("timeout", false), source(300, 20), 1_000_000,
                hit -> seen.add(hit.batch().id()) && seen.size() < 3);

        assertEquals(3, seen.size());
        assertEquals(SearchSummary.Ending.CANCELLED, summary.ending());
    }

    @Test
    void anUnreadableBatchIsSkippedAndNamedAndTheRestIsSearched() {
        Source good = source(40, 7);
        Source damaged = new Source(good.byId(), Set.of("b-3"));
        Collecting listener = new Collecting();

        SearchSummary summary = new EntrySearch(2).run(EntryQuery.parse("timeout", false), damaged, 1_000_000, listener);

        List<String> expected = new ArrayList<>(expected(40, 7));
        expected.removeIf(h -> h.startsWith("b-3#"));
        assertEquals(expected, listener.hits);
        assertEquals(1, summary.unreadableCount());
        assertTrue(summary.unreadable().get(0).startsWith("b-3: ") && summary.unreadable().get(0).contains("offset 77"),
                summary.unreadable().toString());
        assertEquals(SearchSummary.Ending.COMPLETE, summary.ending());
    }

    @Test
    void aBatchGoneSinceTheIdsWereTakenIsCountedAsScannedWithoutHits() {
        Source all = source(10, 7);
        Map<String, Batch> fewer = new LinkedHashMap<>(all.byId());
        fewer.remove("b-0");
        Source gone = new Source(fewer, Set.of());
        BatchSource withStaleIds = new BatchSource() {
            @Override
            public List<String> ids() {
                return all.ids();
            }

            @Override
            public Optional<Batch> batch(String id) {
                return gone.batch(id);
            }
        };
        Collecting listener = new Collecting();

        SearchSummary summary = new EntrySearch(2).run(EntryQuery.parse("timeout", false), withStaleIds, 100, listener);

        assertEquals(10, summary.progress().batchesScanned());
        assertTrue(listener.hits.stream().noneMatch(h -> h.startsWith("b-0#")));
    }

    @Test
    void interruptingTheSearchingThreadStopsEvenARunawayRegularExpression() throws Exception {
        Map<String, Batch> byId = new LinkedHashMap<>();
        LogEntry evil = LogEntry.builder().message("a".repeat(40) + "!").build();
        for (int b = 0; b < 8; b++) {
            byId.put("b-" + b, new Batch(new BatchView("b-" + b, "loki", BatchState.PENDING, 1, 100, T0, null, 0, null,
                    null, Map.of(), List.of()), List.of(evil)));
        }
        CompletableFuture<SearchSummary> search = new CompletableFuture<>();
        Thread runner = new Thread(() -> search.complete(new EntrySearch(2).run(EntryQuery.parse("/(.*a){20}$/", false),
                new Source(byId, Set.of()), 10, hit -> true)));
        runner.start();
        Thread.sleep(300);
        runner.interrupt();

        SearchSummary summary = search.get(10, TimeUnit.SECONDS);

        assertEquals(SearchSummary.Ending.CANCELLED, summary.ending());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (searchWorkersAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(!searchWorkersAlive(), "a worker still runs the expression after the search was cancelled");
    }

    private static boolean searchWorkersAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("batchyard-search-"));
    }
}
