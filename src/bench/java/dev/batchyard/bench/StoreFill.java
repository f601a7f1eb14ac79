package dev.batchyard.bench;

import dev.batchyard.engine.store.LogStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a fresh store with pending 1KB batches through its write path, for the scenarios that need
 * a big store to start from. Every put is durable on return, so the fill runs many producers and
 * lets group commit carry it; each takes every {@value #THREADS}th id, so the log holds the ids in
 * nearly ascending order, as a store filled over time does.
 */
final class StoreFill {
    private static final int THREADS = 32;

    private StoreFill() {
    }

    static void fill(Path dir, String idPrefix, int n, List<Sample> samples) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (LogStoreDesign d = new LogStoreDesign(dir)) {
            LogStore store = d.store();
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                producers.add(pool.submit(() -> {
                    for (int i = first; i < n; i += THREADS) {
                        store.put(LogStoreDesign.record(idPrefix + i, samples.get(i % samples.size())), Integer.MAX_VALUE);
                    }
                }));
            }
            for (Future<?> f : producers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
