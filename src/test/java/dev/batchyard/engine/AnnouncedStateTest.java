package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch read as soon as its event is seen shows the state the event announced. The window reads
 * its rows again when events come and not otherwise: a read that found the batch still "in flight"
 * after the event that ended the attempt stayed wrong on screen until some other event, indefinitely
 * on a quiet store (a held batch shown in flight, found by a UI test in a full suite run).
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

    /**
     * Persists {@value #BATCHES} batches for {@code sink} and reads each one the moment an event
     * {@code announcing} it is drained (polling, not waiting: as close to the publish as a reader gets).
     */
    private static Map<String, BatchState> readAsAnnounced(BatchPersistence engine, Predicate<BatchEvent> announcing,
                                                          String sink) throws InterruptedException {
        Map<String, BatchState> seen = new LinkedHashMap<>();
        try (EventSubscription events = engine.subscribe(10_000)) {
            for (int i = 0; i < BATCHES; i++) {
                engine.persistBatch("b-" + i, Entries.sample("b" + i, 1), sink);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen.size() < BATCHES) {
                for (BatchEvent event : events.drain()) {
                    if (announcing.test(event) && event instanceof BatchEvent.OfBatch one) {
                        seen.put(one.id(), engine.find(one.id()).orElseThrow().state());
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
