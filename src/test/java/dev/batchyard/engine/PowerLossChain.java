package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.fail;

import dev.batchyard.codec.binary.BinaryEntriesCodec;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.engine.store.DiskImage;
import dev.batchyard.engine.store.LossKind;
import dev.batchyard.engine.store.PowerCutDisk;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One store's life through a series of power cuts: open it on what the last cut left (checking it
 * against everything acknowledged before), run the workload, cut the power at a random change (or
 * at the end), and again. The cut may come during the open itself, while it repairs what the
 * previous cut did. The last open is not cut, and is checked like the others. Everything random
 * comes from the chain's seed, except how the threads interleave.
 */
final class PowerLossChain {
    static final Path STORE = Path.of("/powercut/store");
    /** Small segments: many of them, so compaction and checkpoints run all the time. */
    static final long SEGMENT_BYTES = 8 * 1024;
    /**
     * About how many changes a whole round's workload makes on the disk (240 to 270 on average,
     * measured): cuts fall uniformly within, so most fall during the workload.
     */
    static final int CHANGES_PER_ROUND = 300;
    static final int STEPS_PER_THREAD = 40;

    private final long seed;
    private final Random random;
    private final CampaignTally tally;
    private final EngineLog log;
    private final Ledger ledger = new Ledger();
    private final Set<Path> kept = new LinkedHashSet<>();
    private DiskImage image = DiskImage.empty(STORE.getParent());
    private List<String> records = List.of();
    /** Which cut left {@link #image}, for the failure message. */
    private String imageFrom = "no cut: a new disk";

    PowerLossChain(long seed, CampaignTally tally, EngineLog log) {
        this.seed = seed;
        this.random = new Random(seed);
        this.tally = tally;
        this.log = log;
    }

    /** Runs {@code cuts} rounds, each ending in a cut, then opens and checks the store once more. */
    void run(int cuts) throws InterruptedException {
        for (int round = 0; round < cuts; round++) {
            LossKind kind = LossKind.values()[random.nextInt(LossKind.values().length)];
            // one cut in six falls among the first changes: during the open, while it repairs the last cut
            long cutAt = 1 + (random.nextInt(6) == 0 ? random.nextInt(8) : random.nextInt(CHANGES_PER_ROUND));
            PowerCutDisk disk = image.disk(cutAt, kind, new Random(random.nextLong()));
            String where = "chain seed " + seed + ", round " + round + " (cut " + kind + " at change " + cutAt + ")";
            BatchPersistence engine = openAndCheck(disk, where);
            if (engine == null) {
                tally.cut(kind, disk.image().counts(), true);
                image = disk.image();
                imageFrom = where + ", during the open";
                log.takeRecords(); // an open the power interrupted: what it logged is the cut's doing
                continue;
            }
            PowerLossWorkload workload = new PowerLossWorkload(engine, ledger);
            workload.run("c" + seed + "r" + round, engine.pendingBatches().stream().map(BatchView::id).toList(),
                    random.nextLong(), STEPS_PER_THREAD);
            boolean cutBefore = disk.image() != null;
            DiskImage next = disk.cutNow();
            List<String> problems = new ArrayList<>();
            if (!cutBefore && !workload.refusals().isEmpty()) {
                problems.add("the engine refused a change with the power on: " + workload.refusals().get(0));
            }
            List<BatchEvent.CorruptionFound> later = new ArrayList<>(engine.damage());
            later.removeAll(engine.damageFoundAtOpen());
            problems.addAll(DamageTruth.falseReports(later, image));
            tally.damage(later);
            kept.addAll(DamageTruth.keptBy(later));
            engine.close();
            problems.addAll(logProblems());
            problems.addAll(auditProblems(next));
            kept.stream().filter(p -> !next.exists(p)).forEach(p -> problems.add("a damage report said bytes are "
                    + "kept in " + p + ", but the cut took it away"));
            failIf(problems, where + ", after the workload", next, workload.refusals());
            tally.cut(kind, next.counts(), false);
            tally.roundEnded(cutBefore, disk.changes());
            image = next;
            imageFrom = where;
        }
        PowerCutDisk last = image.disk(LossKind.ALL, new Random(seed));
        BatchPersistence engine = openAndCheck(last, "chain seed " + seed + ", final open");
        engine.close();
        failIf(logProblems(), "chain seed " + seed + ", final close", null, List.of());
    }

    /** Opens the store and checks it, or returns null when the power was cut during the open or the check. */
    private BatchPersistence openAndCheck(PowerCutDisk disk, String where) {
        BatchPersistence engine;
        try {
            engine = open(disk);
        } catch (RuntimeException e) {
            if (disk.image() != null) {
                return null;
            }
            keep(where, null);
            throw new AssertionError(where + ": the store did not open: " + e, e);
        }
        if (disk.image() != null) {
            engine.close(); // opened, but the power went during it: nothing was acknowledged
            return null;
        }
        List<String> problems = new ArrayList<>();
        Map<String, BatchFacts> actual = read(engine, problems);
        if (disk.image() != null) {
            // the power went while the check read (background compaction or a checkpoint changed the
            // disk): reads fail on a stopped store; the ledger stands, and the next open checks it
            engine.close();
            return null;
        }
        problems.addAll(ledger.problems(actual));
        List<BatchEvent.CorruptionFound> reports = engine.damageFoundAtOpen();
        problems.addAll(DamageTruth.falseReports(reports, image));
        kept.addAll(DamageTruth.keptBy(reports));
        kept.stream().filter(p -> !disk.exists(p)).forEach(p -> problems.add("a damage report said bytes are kept in "
                + p + ", but it is not there"));
        if (!problems.isEmpty()) {
            engine.close();
            problems.addAll(logProblems());
        }
        failIf(problems, where + ", at the open", null, List.of());
        tally.damage(reports);
        tally.acknowledgedChecked += ledger.takeAcknowledged();
        ledger.reset(actual);
        return engine;
    }

    private static Map<String, BatchFacts> read(BatchPersistence engine, List<String> problems) {
        Map<String, BatchFacts> actual = new HashMap<>();
        for (BatchView v : engine.pendingBatches()) {
            actual.put(v.id(), BatchFacts.of(v));
            try {
                Batch b = engine.batch(v.id()).orElse(null);
                if (b == null || !b.entries().equals(Entries.sample(v.id(), v.entryCount()))) {
                    problems.add("batch " + v.id() + ": its entries are not those persisted");
                }
            } catch (RuntimeException e) {
                problems.add("batch " + v.id() + " cannot be read: " + e);
            }
        }
        return actual;
    }

    /**
     * What the engine logged at WARN or ERROR that the cut does not explain (damage reports are
     * checked on their own; an audit.log ending in an incomplete line is explained only if a cut
     * took or tore bytes of it). The records are kept for the failure message.
     */
    private List<String> logProblems() {
        records = log.takeRecords();
        boolean auditTorn = !image.damage(STORE.resolve(AuditTrail.FILE)).isEmpty();
        return records.stream().filter(r -> (r.contains(" WARN ") || r.contains(" ERROR "))
                        && !r.contains("simulated power cut") && !r.contains("DamageLedger - store damage in")
                        && !(auditTorn && r.contains("audit.log ends in an incomplete line")))
                .map(r -> "the engine logged, with the power on: " + r.lines().findFirst().orElse(r)).toList();
    }

    /** Every acknowledged operator action has its line, whole, in audit.log. */
    private List<String> auditProblems(DiskImage after) {
        byte[] bytes = after.read(STORE.resolve(AuditTrail.FILE));
        Set<String> lines = new java.util.HashSet<>();
        if (bytes != null) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String line : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                try {
                    var node = json.readTree(line);
                    if (node != null && node.has("actor")) {
                        lines.add(node.get("actor").asText() + " " + node.get("action").asText());
                    }
                } catch (java.io.IOException notJson) {
                    // a line torn by a cut; only the acknowledged ones must be whole
                }
            }
        }
        return ledger.auditLines().stream().filter(l -> !lines.contains(l))
                .map(l -> "acknowledged operator action '" + l + "' is not in audit.log as a whole line").toList();
    }

    /** Fails the campaign with {@code problems}, if any; {@code after} is the image the cut left, if there was one. */
    private void failIf(List<String> problems, String where, DiskImage after, List<Throwable> refusals) {
        if (problems.isEmpty()) {
            return;
        }
        keep(where, after);
        AssertionError error = new AssertionError(where + ": " + problems.size() + " problems:\n  "
                + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
                + "\nthe image the store was opened on, left by " + imageFrom + ": " + image.kind() + ", "
                + image.counts()
                + "\nthe engine's log this round:\n" + String.join("\n", records.subList(0, Math.min(30, records.size()))));
        refusals.stream().limit(1).forEach(error::addSuppressed);
        fail(error);
    }

    /**
     * With {@code -Dpowerloss.keep=DIR}, the image a failing round started from is written to
     * {@code DIR/seed-N/before}, and what its cut left to {@code DIR/seed-N/after}.
     */
    private void keep(String where, DiskImage after) {
        String dir = System.getProperty("powerloss.keep");
        if (dir != null) {
            try {
                image.writeTo(Path.of(dir, "seed-" + seed, "before"));
                if (after != null) {
                    after.writeTo(Path.of(dir, "seed-" + seed, "after"));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot keep the image of " + where, e);
            }
        }
    }

    private static BatchPersistence open(PowerCutDisk disk) {
        PersistenceConfig config = new PersistenceConfig(true, STORE, 1_000_000, Duration.ofMinutes(30), 1_000_000,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1));
        EngineOptions options = new EngineOptions(Duration.ofHours(1), SEGMENT_BYTES, () -> 0.5,
                new BinaryEntriesCodec(), false, Duration.ofMillis(2));
        Clock clock = Clock.systemUTC();
        return BatchPersistence.open(config, new HoldingDelivery(), clock, new EventBus(clock), options, disk);
    }

    /** Every sink is configured and healthy, and nothing is ever sent: only the workload changes batches. */
    private static final class HoldingDelivery implements Delivery {
        @Override
        public Admission admit(String sink) {
            return Admission.hold();
        }

        @Override
        public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
            return CompletableFuture.completedFuture(DeliveryOutcome.retryable("never sent"));
        }

        @Override
        public SinkHealth health(String sink) {
            return StepContext.SINKS.contains(sink) ? SinkHealth.CLOSED : SinkHealth.NOT_CONFIGURED;
        }
    }
}
