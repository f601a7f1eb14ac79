package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.codec.binary.BinaryEntriesCodec;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.Actor;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage reaches the operator: found at open, by compaction or when a batch is read, it is an
 * event, kept by the engine for whoever asks later, and written to the audit trail; a batch whose
 * record fails its checksum is set aside, not retried as if its sink had failed.
 */
class DamageReportsTest {
    private static final Actor TESTER = new Actor("tester");

    @TempDir
    Path tmp;

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    private static List<BatchEvent> drain(EventSubscription events) {
        return events.drain();
    }

    private static List<Path> segments(Path store) throws Exception {
        try (Stream<Path> files = Files.list(store.resolve("segments"))) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    private static void flipByte(Path file, long at) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
    }

    private static String audit(Path store) throws Exception {
        return Files.readString(store.resolve("audit.log"), StandardCharsets.UTF_8);
    }

    @Test
    void aChecksumFailureWhenABatchIsReadSetsItAsideInsteadOfCountingADeliveryFailure() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki");
        EventSubscription events = fx.bus.subscribe(10_000);
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.pauseRecovery(TESTER);
            inTest.persistBatch("kept", Entries.sample("kept", 10), "loki");
            inTest.persistBatch("rotten", Entries.sample("rotten", 10), "loki");
            Path segment = segments(fx.config.directory()).get(0);
            flipByte(segment, Files.size(segment) - 40); // inside the entries of the last record, rotten's

            inTest.resumeRecovery(TESTER);

            eventually(() -> drainInto(events, seen) && inTest.find("kept").isEmpty() && seen.stream().anyMatch(
                    e -> e instanceof BatchEvent.CorruptionFound), "kept is delivered and rotten's damage reported");
            assertTrue(inTest.find("rotten").isEmpty(), "set aside: no longer pending");
            assertEquals(Set.of("kept"), sinks.receivedIds(), "the damaged batch is never handed to its sink");
            assertFalse(seen.stream().anyMatch(e -> e instanceof BatchEvent.DeliveryFailed
                    || e instanceof BatchEvent.DeadLettered), "no delivery failure is counted: " + seen);
            assertTrue(seen.stream().anyMatch(e -> e instanceof BatchEvent.CorruptionFound c
                    && c.detail().contains("'rotten'") && c.file().equals(segment.toString())), seen.toString());
            assertTrue(Files.exists(fx.config.directory().resolve("quarantine").resolve(segment.getFileName())),
                    "its bytes are kept in quarantine/");
            assertTrue(audit(fx.config.directory()).contains("rotten"), "the audit trail says so");
        }
        try (BatchPersistence inTest = fx.open()) {
            assertTrue(inTest.find("rotten").isEmpty(), "set aside for good, not back at the next open");
            assertEquals(List.of(), inTest.damageFoundAtOpen(), "nothing left to find at the next open");
        }
    }

    @Test
    void damageFoundAtOpenIsKeptForWhoeverAsksLaterAndWrittenToTheAuditTrail() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("a", Entries.sample("a", 3), "loki");
        }
        Path segment = segments(fx.config.directory()).get(0);
        long end = Files.size(segment);
        Files.write(segment, new byte[] {0, 0, 0, 42, 1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

        try (BatchPersistence inTest = fx.open()) {
            EventSubscription late = inTest.subscribe(100);
            assertEquals(1, inTest.damageFoundAtOpen().size(), inTest.damageFoundAtOpen().toString());
            BatchEvent.CorruptionFound torn = inTest.damageFoundAtOpen().get(0);
            assertEquals(segment.toString(), torn.file());
            assertEquals(end, torn.offset());
            assertTrue(torn.detail().startsWith("torn write at the end"), torn.detail());
            String audit = audit(fx.config.directory());
            assertTrue(audit.contains("\"action\":\"damage\"") && audit.contains("torn write at the end")
                    && audit.contains("\"offset\":" + end), audit);
            assertFalse(late.drain().stream().anyMatch(e -> e instanceof BatchEvent.CorruptionFound),
                    "events are not replayed to a late subscriber: it asks the engine, as above");
        }
    }

    @Test
    void damageThatCompactionFindsIsAnEventAndTheBatchIsSetAside() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        fx.options = new EngineOptions(Duration.ofMillis(20), 4096, () -> 0.5, new BinaryEntriesCodec(), false,
                Duration.ofMillis(50));
        try (BatchPersistence inTest = fx.open()) {
            for (int i = 0; i < 12; i++) {
                inTest.persistBatch("c-" + i, Entries.sample("c-" + i, 20), "loki");
            }
        }
        Path first = segments(fx.config.directory()).get(0);
        flipByte(first, 16 + 30); // inside c-0, the first record of a segment the checkpoint covers
        EventSubscription events = fx.bus.subscribe(10_000);
        try (BatchPersistence inTest = fx.open()) {
            assertEquals(List.of(), inTest.damageFoundAtOpen(), "the checkpoint kept the open from reading it");
            for (int i = 1; i < 12; i++) {
                inTest.markBatchSuccess("c-" + i); // now the oldest segment is worth compacting
            }

            eventually(() -> drainInto(events, seen) && seen.stream().anyMatch(e -> e instanceof BatchEvent.CorruptionFound c
                    && c.detail().contains("'c-0'")), "compaction reports the damage it found");

            assertTrue(inTest.find("c-0").isEmpty());
            assertTrue(Files.exists(fx.config.directory().resolve("quarantine").resolve(first.getFileName())));
            assertTrue(audit(fx.config.directory()).contains("c-0"), "the audit trail says so");
        }
    }

    private final List<BatchEvent> seen = new ArrayList<>();

    private static boolean drainInto(EventSubscription events, List<BatchEvent> into) {
        into.addAll(drain(events));
        return true;
    }
}
