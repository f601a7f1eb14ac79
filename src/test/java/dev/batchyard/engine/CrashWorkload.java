package dev.batchyard.engine;

import dev.batchyard.model.Actor;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link KillNineTest}: runs a mixed workload on a store until it is killed,
 * printing each operation's intent (lower case) before the call and its acknowledgement (upper
 * case) after the call returned. Threads own disjoint ids, so each id's lines are in order.
 */
public final class CrashWorkload {
    private static final int THREADS = 4;
    private static final FileOutputStream STDOUT = new FileOutputStream(FileDescriptor.out);

    /** One unbuffered write per line: a line the parent reads was written before the kill, all of it. */
    private static synchronized void say(String line) {
        try {
            STDOUT.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        PersistenceConfig config = new PersistenceConfig(true, dir, 1_000_000, Duration.ofMinutes(30), 1_000_000,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3650));
        EngineOptions options = EngineOptions.defaults().withMaxSegmentBytes(64 * 1024)
                .withRecoveryTick(Duration.ofHours(1));
        options = new EngineOptions(options.recoveryTick(), options.maxSegmentBytes(), options.jitter(), options.codec(),
                false, Duration.ofMillis(50));
        BatchPersistence engine = BatchPersistence.open(config, Delivery.none(), Clock.systemUTC(), options);
        List<List<String>> owned = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            owned.add(new ArrayList<>());
        }
        for (BatchView v : engine.pendingBatches()) {
            owned.get(Math.floorMod(v.id().hashCode(), THREADS)).add(v.id());
        }
        say("READY");
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            new Thread(() -> work(engine, owned.get(thread), new Random(seed * 31 + thread), seed, thread)).start();
        }
    }

    private static void work(BatchPersistence engine, List<String> mine, Random random, long seed, int thread) {
        for (int i = 0; ; i++) {
            double dice = random.nextDouble();
            if (dice < 0.5 || mine.isEmpty()) {
                String id = "r" + seed + "-t" + thread + "-" + i;
                if (Math.floorMod(id.hashCode(), THREADS) != thread) {
                    continue; // keep ownership consistent with the next round's split
                }
                say("p " + id);
                engine.persistBatch(id, Entries.sample(id, 1 + random.nextInt(8)), "loki");
                say("P " + id);
                mine.add(id);
            } else {
                String id = mine.get(random.nextInt(mine.size()));
                if (dice < 0.7) {
                    say("s " + id);
                    engine.markBatchSuccess(id);
                    say("S " + id);
                    mine.remove(id);
                } else if (dice < 0.78) {
                    say("d " + id);
                    engine.discard(List.of(id), "test", new Actor("crash-test"));
                    say("D " + id);
                    mine.remove(id);
                } else {
                    say("f " + id);
                    BatchView v = engine.markBatchFailed(id, "failure " + i);
                    say("F " + id + " " + v.retryCount());
                }
            }
        }
    }
}
