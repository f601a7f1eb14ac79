package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch read as soon as its event is seen shows the state the event announced. The window reads
 * its rows again when events come and not otherwise: a read that found the batch still "in flight"
 * after the event that ended the attempt stayed wrong on screen until some other event, indefinitely
 * on a quiet store (a held batch shown in flight, found by a UI test in a full suite run). And what
 * a reader sees it can act on: an operator's action on a batch whose outcome is still being written
 * waits for that write rather than being refused as "in flight".
 */
class AnnouncedStateTest {
    private static final int BATCHES = 20;

    @TempDir
    Path tmp;

    @Test
    void aBatchHeldForAnUnconfiguredSinkReadsHeldWhenTheHoldIsSeen() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence engine = fx.open(new ScriptedDelivery().succeeding("loki"))) {
            Map<String, BatchState> seen = readAsAnnounced(engine, e -> e instanceof BatchEvent.Held, "lokki");
            seen.forEach((id, state) -> assertEquals(BatchState.HELD, state, id));
        }
    }

    @Test
    void aBatchThatRanOutOfRetriesReadsDeadWhenItsDeadLetterIsSeen() throws Exception {
        EngineFixture fx = new EngineFixture(tmp).limits(10_000, 1);
        try (BatchPersistence engine = fx.open(new ScriptedDelivery().failing("loki", "503 Service Unavailable"))) {
            Map<String, BatchState> seen = readAsAnnounced(engine, e -> e instanceof BatchEvent.DeadLettered, "loki");
            seen.forEach((id, state) -> assertEquals(BatchState.DEAD, state, id));
        }
    }

    @Test
    void aBatchAnnouncedHeldIsReroutedAtOnceNotRefusedAsInFlight() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        Actor ana = new Actor("ana");
        try (BatchPersistence engine = fx.open(new ScriptedDelivery().succeeding("loki"))) {
            Map<String, ActionResult.Reason> seen = actOnAnnounced(engine, e -> e instanceof BatchEvent.Held, "lokki",
                    (inTest, id) -> inTest.reroute(List.of(id), "loki", ana).get(0).reason());
            seen.forEach((id, reason) -> assertEquals(ActionResult.Reason.REROUTED, reason, id));
        }
    }

    /**
     * Persists {@value #BATCHES} batches for {@code sink} and reads each one the moment an event
     * {@code announcing} it is drained (polling, not waiting: as close to the publish as a reader gets).
     */
    private static Map<String, BatchState> readAsAnnounced(BatchPersistence engine, Predicate<BatchEvent> announcing,
                                                          String sink) throws InterruptedException {
        return actOnAnnounced(engine, announcing, sink, (inTest, id) -> inTest.find(id).orElseThrow().state());
    }

    /** As {@link #readAsAnnounced}, doing {@code act} to each batch instead of reading it. */
    private static <T> Map<String, T> actOnAnnounced(BatchPersistence engine, Predicate<BatchEvent> announcing,
                                                     String sink, BiFunction<BatchPersistence, String, T> act)
            throws InterruptedException {
        Map<String, T> seen = new LinkedHashMap<>();
        try (EventSubscription events = engine.subscribe(10_000)) {
            for (int i = 0; i < BATCHES; i++) {
                engine.persistBatch("b-" + i, Entries.sample("b" + i, 1), sink);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen.size() < BATCHES) {
                for (BatchEvent event : events.drain()) {
                    if (announcing.test(event) && event instanceof BatchEvent.OfBatch one) {
                        seen.put(one.id(), act.apply(engine, one.id()));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("announced " + seen.size() + " of " + BATCHES + " in 20 s");
                }
                Thread.onSpinWait();
            }
        }
        return seen;
    }
}
