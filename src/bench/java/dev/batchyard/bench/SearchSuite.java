package dev.batchyard.bench;

import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.SinkLayer;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.search.SearchHit;
import dev.batchyard.search.SearchListener;
import dev.batchyard.search.SearchRequest;
import dev.batchyard.search.SearchSummary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Search inside entries (issue 18: 100,000 batches x 100 entries searched in <= 10 s, first hits
 * <= 1 s, heap bounded): {@code bench.search} batches of 100 realistic entries (20,000 quick,
 * 100,000 full), searched through the console as the CLI and the window do. Two queries: one that
 * matches nothing (every entry is read: the whole scan) and a typical operator's query (the time to
 * its first hit and to its first 1,000). Heap: the most the heap held right after a collection during
 * the scan (the pools' collection usage, sampled every 20 ms: what the scan keeps alive, without the
 * garbage a 2 GB heap lets pile up between collections), beyond what it held before.
 */
final class SearchSuite {
    static final String SCAN = "search: whole scan";
    static final String FIRST_HIT = "search: first hit";
    static final String HEAP = "search: heap during scan";
    static final String NOTHING = "\"no-such-text-in-any-entry\"";
    static final String TYPICAL = "level:error status=503 service:orders";

    private final BenchMode mode;
    private final SamplePool pool;
    private final Scratch scratch;

    SearchSuite(BenchMode mode, SamplePool pool, Scratch scratch) {
        this.mode = mode;
        this.pool = pool;
        this.scratch = scratch;
    }

    static int batches(BenchMode mode) {
        return Integer.getInteger("bench.search", mode.name().equals("full") ? 100_000
                : mode.name().equals("smoke") ? 2_000 : 20_000);
    }

    List<Scenario> run() throws Exception {
        int n = batches(mode);
        Path dir = scratch.fresh("search-store");
        StoreFill.fill(dir, "batch-", n, pool.of(SizeClass.MEDIUM));
        Progress.line("search: built " + n + " batches of " + SizeClass.MEDIUM.entries + " entries");
        Scenario scan = new Scenario(SCAN, "s", false, "no hits", n + " batches x 100 entries, every entry read");
        Scenario first = new Scenario(FIRST_HIT, "ms", false, "typical", TYPICAL + ": first hit, and first 1,000");
        Scenario heap = new Scenario(HEAP, "MiB", false, "no hits", "peak heap after a collection, beyond the store's own");
        try (OpenStore store = new StoreOpener(Clock.systemUTC(),
                (where, demo) -> new Settings(BatchyardDesign.config(dir), SinkLayer.none())).open(StoreLocation.of(dir),
                Mode.readOnly());
             Console console = store.console(new Actor("bench"))) {
            for (int rep = -1; rep < Math.max(1, mode.reps()); rep++) { // rep -1 warms up (and fills the page cache)
                long base = Heap.usedAfterGc();
                HeapPeak peak = HeapPeak.start();
                long start = System.nanoTime();
                SearchSummary whole = console.search(new SearchRequest(NOTHING, false, BatchQuery.all(), 1000),
                        hit -> true);
                double scanSeconds = (System.nanoTime() - start) / 1e9;
                long peakBytes = peak.stop();
                FirstHits hits = new FirstHits(System.nanoTime());
                console.search(new SearchRequest(TYPICAL, false, BatchQuery.all(), 1000), hits);
                double toAll = (System.nanoTime() - hits.start) / 1e6;
                if (whole.progress().entriesScanned() != (long) n * SizeClass.MEDIUM.entries) {
                    throw new IllegalStateException("the scan read " + whole.progress().entriesScanned() + " entries");
                }
                if (rep >= 0) {
                    scan.add("no hits", scanSeconds);
                    first.add("typical: first hit", hits.firstMillis);
                    first.add("typical: first 1,000", toAll);
                    heap.add("no hits", Math.max(0, peakBytes - base) / (1024.0 * 1024));
                }
                Progress.line(String.format("search rep %d: whole scan %.2f s (%,d entries), first hit %.1f ms,"
                        + " first 1,000 hits %.1f ms, heap peak +%.0f MiB", rep, scanSeconds,
                        whole.progress().entriesScanned(), hits.firstMillis, toAll,
                        Math.max(0, peakBytes - base) / (1024.0 * 1024)));
            }
        } finally {
            Scratch.delete(dir);
        }
        return List.of(scan, first, heap);
    }

    /** Times the first hit of a search. */
    private static final class FirstHits implements SearchListener {
        final long start;
        double firstMillis = Double.NaN;

        FirstHits(long start) {
            this.start = start;
        }

        @Override
        public boolean hit(SearchHit hit) {
            if (Double.isNaN(firstMillis)) {
                firstMillis = (System.nanoTime() - start) / 1e6;
            }
            return true;
        }
    }

    /** The most heap held after a collection while it runs, sampled every 20 ms on its own thread. */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;

        private HeapPeak() {
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
                            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                            .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
                    peak.accumulateAndGet(afterGc, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-peak");
            sampler.setDaemon(true);
        }

        static HeapPeak start() {
            HeapPeak p = new HeapPeak();
            p.sampler.start();
            return p;
        }

        long stop() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
            return peak.get();
        }
    }
}
