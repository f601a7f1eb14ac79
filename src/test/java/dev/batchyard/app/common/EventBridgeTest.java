package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBridgeTest {
    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private final EventBus bus = new EventBus(Clock.fixed(T0, ZoneOffset.UTC));
    private final List<List<BatchEvent>> handedOver = new ArrayList<>();

    private EventBridge bridge(int capacity) {
        EventBridge inTest = new EventBridge(bus.subscribe(capacity));
        inTest.addListener(handedOver::add);
        return inTest;
    }

    @Test
    void onePulseHandsEveryWaitingEventOverAsOneList() throws InterruptedException {
        EventBridge inTest = bridge(10_000);
        Thread engine = new Thread(() -> {
            for (int i = 0; i < 5_000; i++) {
                bus.publish(new BatchEvent.Persisted(T0, "b-" + i, "loki", 1, 10));
            }
        });
        engine.start();
        engine.join();

        int pumped = inTest.pump();

        assertEquals(5_000, pumped);
        assertEquals(1, handedOver.size());
        assertEquals("b-4999", ((BatchEvent.Persisted) handedOver.get(0).get(4_999)).id());
    }

    @Test
    void aQuietPulseCallsNoListener() {
        EventBridge inTest = bridge(10);

        inTest.pump();

        assertEquals(0, handedOver.size());
    }

    @Test
    void eventsBeyondTheCapacityAreCountedAsMissed() {
        EventBridge inTest = bridge(100);
        for (int i = 0; i < 250; i++) {
            bus.publish(new BatchEvent.Persisted(T0, "b-" + i, "loki", 1, 10));
        }

        inTest.pump();

        BatchEvent first = handedOver.get(0).get(0);
        assertEquals(150, assertInstanceOf(BatchEvent.Missed.class, first).count());
        assertEquals(101, handedOver.get(0).size());
    }

    @Test
    void aClosedBridgeReceivesNothingMore() {
        EventBridge inTest = bridge(10);
        inTest.close();
        bus.publish(new BatchEvent.Persisted(T0, "late", "loki", 1, 10));

        inTest.pump();

        assertEquals(0, handedOver.size());
    }

    @Test
    void aNewSubscriptionTakesOverAfterTheOldOnesLastEventsAreHandedOver() {
        EventBridge inTest = bridge(100);
        bus.publish(new BatchEvent.Persisted(T0, "before", "loki", 1, 10));
        EventBus reopened = new EventBus(Clock.fixed(T0, ZoneOffset.UTC));

        inTest.resubscribe(reopened.subscribe(100));
        bus.publish(new BatchEvent.Persisted(T0, "old-bus-after", "loki", 1, 10));
        reopened.publish(new BatchEvent.Persisted(T0, "after", "loki", 1, 10));
        inTest.pump();

        assertEquals(List.of("before", "after"), handedOver.stream().flatMap(List::stream)
                .map(e -> ((BatchEvent.Persisted) e).id()).toList());
    }
}
