package dev.batchyard.bench;

import dev.batchyard.engine.store.LogStore;
import java.nio.file.Path;
import java.util.List;

/**
 * Persist throughput while a backlog waits (a sink is down, so nothing drains): the same 16-producer
 * 100-entry run on an empty store and on one already holding {@code backlog} pending batches,
 * alternated. A design whose per-persist work grows with the backlog shows it here.
 */
final class BacklogSuite {
    private final BenchMode mode;
    private final SamplePool pool;
    private final Scratch scratch;

    BacklogSuite(BenchMode mode, SamplePool pool, Scratch scratch) {
        this.mode = mode;
        this.pool = pool;
        this.scratch = scratch;
    }

    Scenario run() throws Exception {
        int backlog = Math.min(mode.reopenBatches() / 5, 50_000);
        Scenario sc = new Scenario("persist " + SizeClass.MEDIUM.label + " x16 with " + backlog + " pending", "batches/s",
                true, "empty store", "Batchyard only; the backlog is 1KB batches for a sink that is not configured");
        Path full = scratch.fresh("backlog");
        StoreFill.fill(full, "backlog-", backlog, pool.of(SizeClass.SMALL));
        for (int rep = 0; rep < mode.reps(); rep++) {
            for (int k = 0; k < 2; k++) {
                boolean withBacklog = (k + rep) % 2 == 1;
                Path dir = withBacklog ? full : scratch.fresh("backlog-empty");
                TimedRun.Outcome o;
                try (Design d = new BatchyardDesign(dir)) {
                    o = TimedRun.run(d, Workload.PERSIST, pool.of(SizeClass.MEDIUM), 16, mode.runMillis() * 1_000_000L,
                            "bl" + rep + k);
                }
                String design = withBacklog ? "with backlog" : "empty store";
                sc.add(design, o.perSecond(), o.megabytesPerSecond());
                Progress.line(String.format("%-40s %-20s %10.1f /s", sc.name, design, o.perSecond()));
                if (!withBacklog) {
                    Scratch.delete(dir);
                }
            }
        }
        return sc;
    }
}
