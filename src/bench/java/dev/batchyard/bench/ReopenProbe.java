package dev.batchyard.bench;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens an existing store (built by the reopen suite) several times, from its checkpoint and by
 * full replay, and prints wall time, the opening thread's CPU time and the GC time of each open.
 * Only the engine's public API is used, so the same probe runs against older builds for a
 * before/after comparison. Run: {@code java -cp ... dev.batchyard.bench.ReopenProbe <store dir> [rounds]}.
 */
public final class ReopenProbe {
    private ReopenProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int round = 0; round < rounds; round++) {
            for (boolean replay : new boolean[] {false, true}) {
                if (replay) {
                    Files.deleteIfExists(dir.resolve("index.ckpt"));
                }
                System.gc();
                long gc0 = gcMillis();
                long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long start = System.nanoTime();
                BatchPersistence engine = BatchPersistence.open(config(dir), Delivery.none(),
                        Clock.systemUTC(), EngineOptions.defaults());
                long wall = System.nanoTime() - start;
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
                long gc = gcMillis() - gc0;
                int size = engine.stats().byState().values().stream().mapToInt(Integer::intValue).sum();
                engine.close();
                System.out.printf("round %d %-10s %d batches: wall %6.3f s, opening thread CPU %6.3f s, GC %5d ms%n",
                        round, replay ? "replay" : "checkpoint", size, wall / 1e9, cpu / 1e9, gc);
            }
        }
    }

    /** As {@link BatchyardDesign#config}, repeated so the probe compiles alone against older builds. */
    private static PersistenceConfig config(Path directory) {
        return new PersistenceConfig(true, directory, 50_000_000, Duration.ofMinutes(30), 10,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
