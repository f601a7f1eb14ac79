package dev.batchyard.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventBusTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T18:00:00Z"), ZoneOffset.UTC);
    private final EventBus inTest = new EventBus(clock);

    private BatchEvent event(int i) {
        return new BatchEvent.Delivered(clock.instant(), "b" + i, "loki", Duration.ZERO);
    }

    @Test
    void aSlowSubscriberIsToldHowManyEventsItMissed() {
        EventSubscription slow = inTest.subscribe(3);
        for (int i = 0; i < 10; i++) {
            inTest.publish(event(i));
        }
        assertEquals(List.of(new BatchEvent.Missed(clock.instant(), 7), event(0), event(1), event(2)), slow.drain());
        assertEquals(List.of(), slow.drain());
    }

    @Test
    void aFastSubscriberIsNotHeldBackByASlowOne() {
        EventSubscription slow = inTest.subscribe(1);
        EventSubscription fast = inTest.subscribe(100);
        for (int i = 0; i < 50; i++) {
            inTest.publish(event(i));
        }
        assertEquals(50, fast.drain().size());
        assertEquals(2, slow.drain().size());
    }

    @Test
    void aClosedSubscriptionReceivesNothingMore() {
        EventSubscription sub = inTest.subscribe(10);
        sub.close();
        inTest.publish(event(1));
        assertTrue(sub.drain().isEmpty());
    }

    @Test
    void awaitReturnsAsSoonAsAnEventArrives() throws Exception {
        EventSubscription sub = inTest.subscribe(10);
        new Thread(() -> inTest.publish(event(1))).start();
        assertEquals(List.of(event(1)), sub.await(5, TimeUnit.SECONDS));
    }
}
