package dev.batchyard.engine;

import dev.batchyard.model.Actor;
import dev.batchyard.model.LogEntry;
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
 * The child process of {@link RepairKillNineTest}: on a store of batches whose entries are all
 * different, splits and merges batches until it is killed. Before each change it prints what it
 * will do ({@code doing <removed ids> -> <new ids>}, the new ids from a dry run) and after it
 * returned {@code DONE}; a refusal (a batch changed meanwhile) prints {@code REFUSED}. Small
 * segments and frequent maintenance make compaction move the new batches as it goes.
 */
public final class RepairCrashWorkload {
    static final int BATCHES = 12;
    static final int ENTRIES = 8;
    private static final FileOutputStream STDOUT = new FileOutputStream(FileDescriptor.out);
    private static final Actor ACTOR = new Actor("crash-test");

    private static void say(String line) {
        try {
            STDOUT.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BatchPersistence open(Path dir) {
        PersistenceConfig config = new PersistenceConfig(true, dir, 1_000_000, Duration.ofMinutes(30), 1_000_000,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(3650));
        EngineOptions options = EngineOptions.defaults().withMaxSegmentBytes(16 * 1024)
                .withRecoveryTick(Duration.ofHours(1));
        options = new EngineOptions(options.recoveryTick(), options.maxSegmentBytes(), options.jitter(), options.codec(),
                false, Duration.ofMillis(50));
        return BatchPersistence.open(config, Delivery.none(), Clock.systemUTC(), options);
    }

    public static void main(String[] args) {
        BatchPersistence engine = open(Path.of(args[0]));
        Random random = new Random(Long.parseLong(args[1]));
        if (engine.pendingBatches().isEmpty()) {
            for (int b = 0; b < BATCHES; b++) {
                List<LogEntry> entries = new ArrayList<>();
                for (int e = 0; e < ENTRIES; e++) {
                    entries.add(LogEntry.builder().message("entry " + b + "/" + e).build());
                }
                engine.persistBatch("b" + b, entries, b % 2 == 0 ? "loki" : "es");
            }
        }
        say("READY");
        while (true) {
            List<BatchView> all = engine.pendingBatches();
            BatchView pick = all.get(random.nextInt(all.size()));
            try {
                RepairResult plan;
                if (pick.entryCount() > 2 && random.nextBoolean()) {
                    SplitRequest split = SplitRequest.chunks(pick.id(), 1 + random.nextInt(pick.entryCount() - 1));
                    plan = engine.split(split.asDryRun(), ACTOR);
                    say("doing " + String.join(",", plan.removed()) + " -> " + ids(plan));
                    engine.split(split, ACTOR);
                } else {
                    List<String> ids = all.stream().filter(b -> b.sink().equals(pick.sink())).map(BatchView::id)
                            .limit(2 + random.nextInt(3)).toList();
                    if (ids.size() < 2) {
                        continue;
                    }
                    MergeRequest merge = MergeRequest.of(ids);
                    plan = engine.merge(merge.asDryRun(), ACTOR);
                    say("doing " + String.join(",", plan.removed()) + " -> " + ids(plan));
                    engine.merge(merge, ACTOR);
                }
                say("DONE");
            } catch (RuntimeException e) {
                say("REFUSED " + e.getMessage().replace('\n', ' '));
            }
        }
    }

    private static String ids(RepairResult plan) {
        return String.join(",", plan.made().stream().map(RepairResult.Part::id).toList());
    }
}
