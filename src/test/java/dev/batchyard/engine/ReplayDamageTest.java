package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DamageKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay plan or progress file that cannot be read does not stop the store from opening: it is
 * renamed beside itself (never deleted), reported as store damage naming the file and what is wrong,
 * and the store opens with no replay; its batches are untouched.
 */
class ReplayDamageTest {
    private static final Actor ANA = new Actor("ana");
    @TempDir
    Path tmp;

    private static ScriptedDelivery sink() {
        return new ScriptedDelivery().sink("loki", b -> CompletableFuture.completedFuture(DeliveryOutcome.delivered()));
    }

    /** Two dead batches and a plan for them, whole, then {@code damage} done to the files. */
    private EngineFixture storeWithAPlan(Damage damage) throws Exception {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        try (BatchPersistence engine = fx.open(sink())) {
            engine.pauseRecovery(ANA);
            for (String id : List.of("d-0", "d-1")) {
                engine.persistBatch(id, Entries.sample(id, 1), "loki");
                engine.markBatchFailed(id, "HTTP 503");
            }
        }
        ReplayFiles files = new ReplayFiles(fx.config.directory());
        ReplayFiles.Plan plan = files.write(new ReplayRequest(ReplayRequest.Action.REQUEUE, List.of("d-0", "d-1"),
                null, 5), "ana", Instant.parse("2026-12-02T07:00:00Z"));
        files.append(plan, "take 0", true);
        files.closeProgress();
        damage.apply(fx.config.directory().resolve(ReplayFiles.PLAN),
                fx.config.directory().resolve("replay-" + plan.id() + ".log"));
        return fx;
    }

    @FunctionalInterface
    private interface Damage {
        void apply(Path plan, Path progress) throws Exception;
    }

    private static void assertOpensWithoutAReplay(EngineFixture fx, byte[] planBytes, String wrong) {
        Path dir = fx.config.directory();
        try (BatchPersistence reopened = fx.open(sink())) {
            assertTrue(reopened.replay().isEmpty(), "no replay after the damage");
            List<BatchEvent.CorruptionFound> found = reopened.damageFoundAtOpen().stream()
                    .filter(d -> d.kind() == DamageKind.REPLAY_DAMAGED).toList();
            assertEquals(1, found.size(), "one report: " + reopened.damageFoundAtOpen());
            BatchEvent.CorruptionFound report = found.get(0);
            assertEquals(dir.resolve(ReplayFiles.PLAN).toString(), report.file());
            assertTrue(report.detail().contains(wrong), report.detail());
            assertTrue(report.action().contains("replay.json.damaged"), report.action());
            assertEquals(BatchState.DEAD, reopened.find("d-0").orElseThrow().state(), "its batches untouched");
            assertEquals(BatchState.DEAD, reopened.find("d-1").orElseThrow().state());
            // a new replay can start: the old one is out of the way
            reopened.startReplay(new ReplayRequest(ReplayRequest.Action.REQUEUE, List.of("d-1"), null, 50), ANA);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertArrayEquals(planBytes, read(dir.resolve(ReplayFiles.PLAN + ReplayFiles.DAMAGED)),
                "the damaged plan is kept, byte for byte, beside the new one");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTruncatedPlanIsSetAsideReportedAndTheStoreOpens() throws Exception {
        byte[][] kept = new byte[1][];
        EngineFixture fx = storeWithAPlan((plan, progress) -> {
            byte[] whole = Files.readAllBytes(plan);
            kept[0] = Arrays.copyOf(whole, whole.length / 2);
            Files.write(plan, kept[0]);
        });
        assertOpensWithoutAReplay(fx, kept[0], "the replay plan cannot be read");
        assertTrue(Files.list(fx.config.directory()).anyMatch(f -> f.getFileName().toString().endsWith(".log.damaged")),
                "its progress is set aside with it");
    }

    @Test
    void aGarbagePlanIsSetAsideReportedAndTheStoreOpens() throws Exception {
        byte[] garbage = "\u0000\u00ffnot json at all\n".getBytes(StandardCharsets.ISO_8859_1);
        EngineFixture fx = storeWithAPlan((plan, progress) -> Files.write(plan, garbage));
        assertOpensWithoutAReplay(fx, garbage, "the replay plan cannot be read");
    }

    @Test
    void aPlanWhoseIdIsAPathIsRefusedNotFollowed() throws Exception {
        byte[][] kept = new byte[1][];
        EngineFixture fx = storeWithAPlan((plan, progress) -> {
            String text = Files.readString(plan).replaceFirst("\"plan\":\"[^\"]+\"", "\"plan\":\"../../etc/x\"");
            kept[0] = text.getBytes(StandardCharsets.UTF_8);
            Files.write(plan, kept[0]);
        });
        assertOpensWithoutAReplay(fx, kept[0], "UUID");
    }

    @Test
    void aGarbageProgressFileSetsThePlanAsideWithItRatherThanRiskATakeTwice() throws Exception {
        byte[][] kept = new byte[1][];
        EngineFixture fx = storeWithAPlan((plan, progress) -> {
            kept[0] = Files.readAllBytes(plan);
            Files.writeString(progress, "take 0\ntake banana\n");
        });
        assertOpensWithoutAReplay(fx, kept[0], "line 2 is not a progress line");
        assertFalse(Files.list(fx.config.directory()).anyMatch(f -> f.getFileName().toString().startsWith("replay-")
                && f.getFileName().toString().endsWith(".log") && read(f).length > 0 && new String(read(f)).contains("banana")),
                "the damaged progress is not where a plan would read it");
    }

    @Test
    void aReadOnlyOpenReportsTheDamageAndLeavesTheFileInPlace() throws Exception {
        byte[] garbage = "{\"version\":1,".getBytes(StandardCharsets.UTF_8);
        EngineFixture fx = storeWithAPlan((plan, progress) -> Files.write(plan, garbage));
        try (BatchPersistence reader = BatchPersistence.open(fx.config, sink(), fx.clock, fx.bus,
                fx.options.withReadOnly(true))) {
            assertTrue(reader.replay().isEmpty());
            assertTrue(reader.damageFoundAtOpen().stream().anyMatch(d -> d.kind() == DamageKind.REPLAY_DAMAGED
                    && d.action().contains("left in place")), reader.damageFoundAtOpen().toString());
        }
        assertArrayEquals(garbage, read(fx.config.directory().resolve(ReplayFiles.PLAN)));
    }
}
