package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.events.BatchEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventBatcherTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<List<BatchEvent>> handedOn = new ArrayList<>();
    private final EventBatcher inTest = new EventBatcher(handedOn::add, Duration.ofMillis(250), nanos::get);

    @Test
    void theFirstEventsGoOnAtOnce() {
        inTest.accept(List.of(event("a")));

        assertEquals(List.of(List.of(event("a"))), handedOn);
    }

    @Test
    void eventsWithinTheIntervalWaitAndThenGoOnTogetherInOrder() {
        inTest.accept(List.of(event("a")));
        nanos.addAndGet(100_000_000L);
        inTest.accept(List.of(event("b")));
        nanos.addAndGet(100_000_000L);
        inTest.accept(List.of(event("c"), event("d")));
        assertEquals(1, handedOn.size());

        nanos.addAndGet(50_000_000L);
        inTest.accept(List.of(event("e")));

        assertEquals(List.of(event("b"), event("c"), event("d"), event("e")), handedOn.get(1));
    }

    @Test
    void whatWaitsGoesOnAtThePulseWhenNoMoreEventsCome() {
        inTest.accept(List.of(event("a")));
        inTest.accept(List.of(event("b")));
        inTest.flushIfDue();
        assertEquals(1, handedOn.size());

        nanos.addAndGet(250_000_000L);
        inTest.flushIfDue();

        assertEquals(List.of(event("b")), handedOn.get(1));
    }

    @Test
    void nothingIsHandedOnWhenNothingWaits() {
        nanos.addAndGet(1_000_000_000L);
        inTest.flushIfDue();

        assertEquals(List.of(), handedOn);
    }

    private static BatchEvent event(String id) {
        return new BatchEvent.DeliveryStarted(Instant.EPOCH, id, "loki", 1);
    }
}
