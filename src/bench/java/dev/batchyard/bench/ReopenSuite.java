package dev.batchyard.bench;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.store.LogStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Start-up with a backlog: Batchyard reopening N pending batches (from its checkpoint after a
 * clean close, and by replaying the whole log as after a crash) against the seed's glob-and-parse
 * of its batch files; and the heap the open store holds per pending batch. Batches are the 1 KB
 * class so that a million of them fit on any disk; the seed reload is measured on fewer files and
 * extrapolated linearly (it is one read and parse per file).
 */
final class ReopenSuite {
    private final BenchMode mode;
    private final SamplePool pool;
    private final Scratch scratch;

    ReopenSuite(BenchMode mode, SamplePool pool, Scratch scratch) {
        this.mode = mode;
        this.pool = pool;
        this.scratch = scratch;
    }

    List<Scenario> run() throws Exception {
        int n = mode.reopenBatches();
        int files = mode.seedFiles();
        String per1m = "seconds; x(1,000,000/measured) where fewer were measured";
        Scenario measured = new Scenario("reopen " + n + " pending (measured)", "s", false, "batchyard-checkpoint",
                "1KB batches; seed: " + files + " files measured, scaled x" + (n / (double) files));
        Scenario million = new Scenario("reopen 1,000,000 pending", "s", false, "batchyard-checkpoint", per1m);
        Scenario heap = new Scenario("heap per pending batch (metadata index)", "B", false, "batchyard",
                "MemoryMXBean used after GC, open store minus closed, / " + n);
        Path store = scratch.fresh("reopen-store");
        Path seedDir = scratch.fresh("reopen-seed");
        StoreFill.fill(store, "batch-", n, pool.of(SizeClass.SMALL));
        buildSeed(seedDir, files);
        Progress.line("reopen: built " + n + " batches and " + files + " files");
        openSeconds(store, false); // warm-up, not counted
        SeedReload.seconds(seedDir, files);
        for (int rep = 0; rep < Math.max(3, mode.reps()); rep++) {
            double ckpt = openSeconds(store, false);
            double replay = openSeconds(store, true);
            double seed = SeedReload.seconds(seedDir, files);
            double seedScaled = seed * n / files;
            measured.add("batchyard-checkpoint", ckpt);
            measured.add("batchyard-replay", replay);
            measured.add("json-file-go", seedScaled);
            double toMillion = 1_000_000.0 / n;
            million.add("batchyard-checkpoint", ckpt * toMillion);
            million.add("batchyard-replay", replay * toMillion);
            million.add("json-file-go", seed * 1_000_000.0 / files);
            heap.add("batchyard", heapPerBatch(store, n));
            Progress.line(String.format("reopen rep %d: checkpoint %.3fs, replay %.3fs, seed %d files %.3fs", rep,
                    ckpt, replay, files, seed));
        }
        return List.of(measured, million, heap);
    }


    private void buildSeed(Path dir, int files) throws Exception {
        List<Sample> samples = pool.of(SizeClass.SMALL);
        try (Design d = SeedFileDesign.factory(false).open(dir)) {
            for (int i = 0; i < files; i++) {
                d.persist("batch-" + i, samples.get(i % samples.size()));
            }
        }
    }

    private static double openSeconds(Path dir, boolean dropCheckpoint) throws Exception {
        if (dropCheckpoint) {
            Files.deleteIfExists(dir.resolve("index.ckpt"));
        }
        long start = System.nanoTime();
        BatchPersistence engine = open(dir);
        double seconds = (System.nanoTime() - start) / 1e9;
        engine.close();
        return seconds;
    }

    private static BatchPersistence open(Path dir) {
        return BatchPersistence.open(BatchyardDesign.config(dir), Delivery.none(), Clock.systemUTC(),
                EngineOptions.defaults());
    }

    private static double heapPerBatch(Path dir, int n) throws InterruptedException {
        long before = Heap.usedAfterGc();
        BatchPersistence engine = open(dir);
        long after = Heap.usedAfterGc();
        engine.close(); // after the measurement: keeps the engine reachable through it
        return (after - before) / (double) n;
    }
}
