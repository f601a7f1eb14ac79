package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A throttled replay: its pace, its durable progress, pause/resume/cancel, and bad input. */
class ThrottledReplayTest {
    private static final Actor ANA = new Actor("ana");
    @TempDir
    Path tmp;

    /** When each batch reached the sink (monotonic nanoseconds), and which. */
    private final Queue<long[]> sentAt = new ConcurrentLinkedQueue<>();
    private final Queue<String> sent = new ConcurrentLinkedQueue<>();

    private ScriptedDelivery recordingSink() {
        return new ScriptedDelivery().sink("loki", b -> {
            sentAt.add(new long[] {System.nanoTime()});
            sent.add(b.id());
            return CompletableFuture.completedFuture(DeliveryOutcome.delivered());
        });
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** {@code n} dead batches d-0..d-(n-1) on loki, the recovery loop paused (only the replay sends). */
    private static List<String> deadBatches(BatchPersistence engine, int n) {
        engine.pauseRecovery(ANA);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "d-" + i;
            engine.persistBatch(id, Entries.sample(id, 1), "loki");
            engine.markBatchFailed(id, "HTTP 503");
            ids.add(id);
        }
        return ids;
    }

    private static EngineFixture fixture(Path dir) {
        return new EngineFixture(dir).limits(1000, 1);
    }

    @Test
    void aReplayAtTwentyASecondSendsTwentyPlusOrMinusTwoEachSecond() throws Exception {
        EngineFixture fx = fixture(tmp);
        try (BatchPersistence inTest = fx.open(recordingSink())) {
            List<String> ids = deadBatches(inTest, 120);
            long start = System.nanoTime();

            inTest.startReplay(new ReplayRequest(ReplayRequest.Action.REQUEUE, ids, null, 20), ANA);
            Thread.sleep(4_600);

            // three whole seconds after the first: 60 +- 6 (the 20 +- 2 a second)
            long from = start + 1_000_000_000L;
            long to = from + 3_000_000_000L;
            long inWindow = sentAt.stream().filter(t -> t[0] >= from && t[0] < to).count();
            System.out.println("replay at 20/s: " + inWindow + " sent in 3 s (load " + loadAverage() + ")");
            assertTrue(inWindow >= 54 && inWindow <= 66, inWindow + " sent in 3 s at 20/s");
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    @Test
    void aReplayStoppedHalfwayAndTakenUpAtTheNextOpenSendsNoBatchTwiceAndEveryBatchOnce() throws Exception {
        EngineFixture fx = fixture(tmp);
        List<String> ids;
        try (BatchPersistence inTest = fx.open(recordingSink())) {
            ids = deadBatches(inTest, 40);
            inTest.startReplay(new ReplayRequest(ReplayRequest.Action.REQUEUE, ids, null, 40), ANA);
            eventually(() -> sent.size() >= 15, "part of the replay sent");
        }
        int before = sent.size();
        assertTrue(before < 40, "stopped halfway: " + before);
        try (BatchPersistence inTest = fx.open(recordingSink())) {
            inTest.pauseRecovery(ANA);
            eventually(() -> inTest.replay().orElseThrow().state() == ReplayStatus.State.FINISHED, "the replay ends");
            eventually(() -> sent.size() >= 40, "every batch sent");
            assertEquals(40, sent.size());
            assertEquals(new HashSet<>(ids), new HashSet<>(sent), "each batch once");
            assertEquals(List.of(), inTest.replay().orElseThrow().uncertain());
        }
    }

    @Test
    void aBatchTakenJustBeforeACrashIsNotTakenAgainAndIsListedAsUncertain() throws Exception {
        EngineFixture fx = fixture(tmp);
        List<String> ids;
        try (BatchPersistence engine = fx.open(recordingSink())) {
            ids = deadBatches(engine, 4);
        }
        // what a kill -9 after the 'take' of batch 1 and before its step leaves on disk
        ReplayFiles files = new ReplayFiles(fx.config.directory());
        ReplayFiles.Plan plan = files.write(new ReplayRequest(ReplayRequest.Action.REQUEUE, ids, null, 50), "ana",
                Instant.parse("2026-11-26T18:00:00Z"));
        files.append(plan, "take 0", true);
        files.append(plan, "done 0 ok", true);
        files.append(plan, "take 1", true);
        files.closeProgress();

        try (BatchPersistence inTest = fx.open(recordingSink())) {
            inTest.pauseRecovery(ANA);
            eventually(() -> inTest.replay().orElseThrow().state() == ReplayStatus.State.FINISHED, "the replay ends");
            eventually(() -> sent.size() >= 2, "the rest sent");

            assertEquals(List.of("d-2", "d-3"), sent.stream().sorted().toList());
            assertEquals(List.of("d-1"), inTest.replay().orElseThrow().uncertain());
            assertEquals(BatchState.DEAD, inTest.find("d-1").orElseThrow().state(), "untouched by the replay");
        }
    }

    @Test
    void pauseStopsTheReplayResumeGoesOnAndCancelEndsItAllAudited() throws Exception {
        EngineFixture fx = fixture(tmp);
        try (BatchPersistence inTest = fx.open(recordingSink())) {
            List<String> ids = deadBatches(inTest, 60);
            inTest.startReplay(new ReplayRequest(ReplayRequest.Action.REQUEUE, ids, null, 20), ANA);
            eventually(() -> sent.size() >= 3, "started");

            inTest.controlReplay(ReplayControl.PAUSE, ANA);
            int paused = inTest.replay().orElseThrow().taken();
            Thread.sleep(500);
            assertEquals(paused, inTest.replay().orElseThrow().taken(), "nothing taken while paused");
            assertEquals(ReplayStatus.State.PAUSED, inTest.replay().orElseThrow().state());

            inTest.controlReplay(ReplayControl.RESUME, ANA);
            eventually(() -> inTest.replay().orElseThrow().taken() > paused + 2, "going on");
            ReplayStatus cancelled = inTest.controlReplay(ReplayControl.CANCEL, ANA);

            assertEquals(ReplayStatus.State.CANCELLED, cancelled.state());
            assertTrue(cancelled.taken() < 60);
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> inTest.controlReplay(ReplayControl.RESUME, ANA));
            assertTrue(again.getMessage().contains("cancelled"), again.getMessage());
            String audit = Files.readString(fx.config.directory().resolve("audit.log"));
            for (String word : List.of("start requeue of 60", "pause at", "resume at", "cancel at")) {
                assertTrue(audit.contains(word), word + " in " + audit);
            }
        }
    }

    @Test
    void aSecondReplayWhileOneRunsIsRefusedNamingTheOneUnderWay() throws Exception {
        EngineFixture fx = fixture(tmp);
        try (BatchPersistence inTest = fx.open(recordingSink())) {
            List<String> ids = deadBatches(inTest, 10);
            inTest.startReplay(new ReplayRequest(ReplayRequest.Action.REQUEUE, ids, null, 1), ANA);

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> inTest.startReplay(
                    new ReplayRequest(ReplayRequest.Action.RETRY, ids, null, 5), ANA));
            assertTrue(e.getMessage().contains("requeue of 10 batches"), e.getMessage());
        }
    }

    @Test
    void aRateOfZeroOrBelowOrOverTheMaximumIsRefusedNamingTheValue() {
        for (double rate : new double[] {0, -3, Double.NaN, 1001}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ReplayRequest(ReplayRequest.Action.RETRY, List.of("a"), null, rate));
            assertTrue(e.getMessage().contains("rate of " + rate), e.getMessage());
        }
    }
}
