package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.engine.store.FaultyChannel;
import dev.batchyard.engine.store.StoreObserver;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reroute or a discard of many batches makes its changes durable a chunk at a time, with one wait
 * each ({@link DurableChunks}), not one after another (a 10,000-batch reroute took 3 s that way, one
 * group commit each); and still nothing is sent to a new sink, nor announced, before its change is
 * durable.
 */
class ActionOnManyBatchesTest {
    private static final Actor ANA = new Actor("ana");

    @TempDir
    Path tmp;

    @Test
    void aThousandsBatchRerouteTakesAFewGroupCommitsNotOneEach() {
        AtomicInteger commits = new AtomicInteger();
        EngineFixture fx = countingCommits(commits, 5);
        int batches = 3 * DurableChunks.SIZE + 7;
        try (BatchPersistence inTest = fx.open(new ScriptedDelivery().succeeding("es"))) {
            inTest.pauseRecovery(ANA); // nothing delivered meanwhile: the commits counted are the reroute's
            List<String> ids = persisted(inTest, "b-", batches, "parked");
            EventSubscription events = inTest.subscribe(1 << 14);
            int before = commits.get();

            List<ActionResult> results = inTest.reroute(ids, "es", ANA);

            int made = commits.get() - before;
            assertEquals(batches, results.size());
            for (int i = 0; i < batches; i++) {
                assertEquals("b-" + i, results.get(i).id(), "answers in the order asked");
                assertEquals(ActionResult.Reason.REROUTED, results.get(i).reason(), results.get(i).toString());
            }
            // one after another, each change waits for its own commit: as many commits as batches. Made a chunk at
            // a time, each commit takes every change appended while the one before it was being forced
            assertTrue(made <= batches / 4, made + " group commits for " + batches + " reroutes");
            assertTrue(inTest.pendingBatches().stream().allMatch(v -> v.sink().equals("es")), "every batch moved");
            long announced = events.drain().stream().filter(e -> e instanceof BatchEvent.Rerouted).count();
            assertEquals(batches, announced, "each reroute announced once");
        }
    }

    @Test
    void aThousandsBatchDiscardTakesAFewGroupCommitsAndEachIsRestorable() {
        AtomicInteger commits = new AtomicInteger();
        EngineFixture fx = countingCommits(commits, 5);
        int batches = 2 * DurableChunks.SIZE + 3;
        try (BatchPersistence inTest = fx.open(new ScriptedDelivery().succeeding("es"))) {
            inTest.pauseRecovery(ANA);
            List<String> ids = persisted(inTest, "d-", batches, "es");
            List<String> asked = new ArrayList<>(ids);
            asked.add("d-0"); // twice: answered once
            asked.add("not-there");
            EventSubscription events = inTest.subscribe(1 << 14);
            int before = commits.get();

            List<ActionResult> results = inTest.discard(asked, "cleaning up", ANA);

            int made = commits.get() - before;
            assertEquals(batches + 1, results.size());
            for (int i = 0; i < batches; i++) {
                assertEquals(ActionResult.Reason.DISCARDED, results.get(i).reason(), results.get(i).toString());
            }
            assertEquals(ActionResult.Reason.NO_SUCH_BATCH, results.get(batches).reason());
            assertTrue(made <= batches / 4, made + " group commits for " + batches + " discards");
            assertTrue(inTest.pendingBatches().isEmpty(), "every batch out of the views");
            List<BatchEvent> drained = events.drain();
            assertEquals(batches, drained.stream().filter(e -> e instanceof BatchEvent.Discarded d
                    && d.reason().equals("cleaning up")).count(), "each discard announced once, with its reason");
            assertEquals(ActionResult.Reason.RESTORED, inTest.restore(List.of("d-7"), ANA).get(0).reason());
        }
    }

    @Test
    void aThousandsBatchRequeueOfDeadBatchesTakesAFewGroupCommits() {
        AtomicInteger commits = new AtomicInteger();
        EngineFixture fx = countingCommits(commits, 1);
        int batches = 2 * DurableChunks.SIZE + 5;
        try (BatchPersistence inTest = fx.open(new ScriptedDelivery().succeeding("es", "loki"))) {
            inTest.pauseRecovery(ANA);
            List<String> ids = persisted(inTest, "q-", batches, "es");
            for (String id : ids) {
                inTest.markBatchFailed(id, "HTTP 500"); // one failure allowed: dead
            }
            inTest.persistBatch("alive", Entries.sample("alive", 1), "es");
            List<String> asked = new ArrayList<>(ids);
            asked.add("alive");
            EventSubscription events = inTest.subscribe(1 << 14);
            int before = commits.get();

            List<ActionResult> results = inTest.requeue(asked, "loki", ANA);

            int made = commits.get() - before;
            for (int i = 0; i < batches; i++) {
                assertEquals(ActionResult.Reason.REQUEUED, results.get(i).reason(), results.get(i).toString());
            }
            assertEquals(ActionResult.Reason.NOT_DEAD, results.get(batches).reason());
            assertTrue(made <= batches / 4, made + " group commits for " + batches + " requeues");
            assertTrue(inTest.pendingBatches().stream().filter(v -> !v.id().equals("alive"))
                    .allMatch(v -> v.sink().equals("loki") && v.state() != BatchState.DEAD), "every dead batch requeued");
            assertEquals(batches, events.drain().stream().filter(e -> e instanceof BatchEvent.Requeued).count(),
                    "each requeue announced once");
        }
    }

    @Test
    void noBatchIsSentToItsNewSinkNorAnnouncedBeforeItsRerouteIsDurable() throws Exception {
        FaultyChannel.Plan disk = new FaultyChannel.Plan();
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("es");
        EventBus bus = new EventBus(fx.clock);
        List<String> ids = List.of("x-1", "x-2", "x-3", "x-4");
        try (BatchPersistence inTest = BatchPersistence.open(fx.config, sinks, fx.clock, bus, fx.options, disk.disk())) {
            EventSubscription events = inTest.subscribe(1 << 10);
            for (String id : ids) {
                inTest.persistBatch(id, Entries.sample(id, 1), "parked"); // not configured: held, never sent
            }
            awaitDurableHolds(events, ids.size()); // with the disk stalled, a hold not yet durable keeps its batch in flight
            CountDownLatch slowDisk = new CountDownLatch(1);
            disk.stallWrites = slowDisk;
            try {
                stalledThenReleased(inTest, sinks, events, ids, slowDisk);
            } finally {
                slowDisk.countDown(); // else closing waits for the writer forever
            }
        }
    }

    private static void stalledThenReleased(BatchPersistence inTest, ScriptedDelivery sinks, EventSubscription events,
                                            List<String> ids, CountDownLatch slowDisk) throws Exception {
            CompletableFuture<List<ActionResult>> answer = CompletableFuture.supplyAsync(() -> inTest.reroute(ids, "es", ANA));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!inTest.pendingBatches().stream().allMatch(v -> v.sink().equals("es")) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(inTest.pendingBatches().stream().allMatch(v -> v.sink().equals("es")),
                    () -> "the changes are made (appended, in the index) while the disk holds them: "
                            + inTest.pendingBatches() + ", answered " + answer.getNow(null));
            inTest.retryNow(ids, ANA); // an operator's nudge, and the loop's ticks, must not send them yet either
            Thread.sleep(300);
            assertTrue(sinks.received.isEmpty(), "sent before the reroute was durable: " + sinks.receivedIds());
            assertTrue(events.drain().stream().noneMatch(e -> e instanceof BatchEvent.Rerouted),
                    "announced before it was durable");
            assertTrue(!answer.isDone(), "answered before it was durable");

            slowDisk.countDown();
            List<ActionResult> results = answer.get(10, TimeUnit.SECONDS);
            assertTrue(results.stream().allMatch(r -> r.reason() == ActionResult.Reason.REROUTED), results.toString());
            while (sinks.receivedIds().size() < ids.size() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(java.util.Set.copyOf(ids), sinks.receivedIds(), "each delivered to es once it was durable");
            assertTrue(sinks.received.stream().allMatch(b -> b.sink().equals("es")));
    }

    @Test
    void aLogThatStopsDuringTheWaitAnswersStoreErrorAndAnnouncesNothing() throws Exception {
        FaultyChannel.Plan disk = new FaultyChannel.Plan();
        EngineFixture fx = new EngineFixture(tmp);
        EventBus bus = new EventBus(fx.clock);
        List<String> ids = List.of("y-1", "y-2", "y-3");
        try (BatchPersistence inTest = BatchPersistence.open(fx.config, new ScriptedDelivery().succeeding("es"),
                fx.clock, bus, fx.options, disk.disk())) {
            EventSubscription events = inTest.subscribe(1 << 10);
            for (String id : ids) {
                inTest.persistBatch(id, Entries.sample(id, 1), "parked");
            }
            awaitDurableHolds(events, ids.size());
            disk.error = "Input/output error";
            disk.forcesLeft.set(0); // the next force fails: the group holding the reroutes never becomes durable

            List<ActionResult> results = inTest.reroute(ids, "es", ANA);

            assertEquals(ids.size(), results.size());
            for (ActionResult r : results) {
                assertEquals(ActionResult.Reason.STORE_ERROR, r.reason(), r.toString());
                assertTrue(r.toString().contains("Input/output error"), () -> "says why: " + r);
            }
            assertTrue(events.drain().stream().noneMatch(e -> e instanceof BatchEvent.Rerouted),
                    "announced a reroute that never became durable");
        }
    }

    /** Persists {@code count} one-entry batches for {@code sink}, named {@code prefix} and a number; their ids. */
    private static List<String> persisted(BatchPersistence inTest, String prefix, int count, String sink) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
            inTest.persistBatch(prefix + i, Entries.sample(prefix + i, 1), sink);
        }
        return ids;
    }

    /**
     * Waits until the recovery loop's holds of {@code count} batches are durable: a view shows a batch
     * HELD as soon as the hold is in the index, but its {@code Held} event comes only once the hold is
     * durable, and until then the loop keeps the batch in flight. Stall the disk before that and the
     * hold never finishes, so an operator's action on the batch is answered IN_FLIGHT.
     */
    private static void awaitDurableHolds(EventSubscription events, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int held = 0;
        while (held < count && System.nanoTime() < deadline) {
            held += (int) events.drain().stream().filter(e -> e instanceof BatchEvent.Held).count();
            Thread.sleep(5);
        }
        assertEquals(count, held, "holds made durable");
    }

    /** An engine fixture with room for thousands of batches, dead after {@code maxRetries} failures, counting the log's group commits in {@code commits}. */
    private EngineFixture countingCommits(AtomicInteger commits, int maxRetries) {
        EngineFixture fx = new EngineFixture(tmp).limits(10_000, maxRetries);
        fx.options = fx.options.withStoreObserver(new StoreObserver() {
            @Override
            public void committed(int frames, long bytes, long oldestWaitNanos, long newestWaitNanos) {
                commits.incrementAndGet();
            }
        });
        return fx;
    }
}
