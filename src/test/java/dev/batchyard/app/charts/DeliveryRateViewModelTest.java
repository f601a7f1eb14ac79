package dev.batchyard.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.events.SampleEvents;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryRateViewModelTest {
    private final MutableClock clock = new MutableClock(SampleEvents.T0);
    private final DeliveryRateViewModel inTest = new DeliveryRateViewModel(clock, 30, 5);

    @Test
    void theSeriesAlwaysHasOnePointPerSecondOfTheWindow() {
        assertEquals(30, inTest.points().size());
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(700));
            inTest.accept(List.of(SampleEvents.delivered(0, "b" + i, "loki")));
            inTest.tick();
        }
        assertEquals(30, inTest.points().size());
        assertEquals(clock.instant().getEpochSecond() - 1, inTest.points().get(29).epochSecond());
    }

    @Test
    void eventsAreCountedInTheSecondTheyAreStampedWith() {
        clock.advance(Duration.ofSeconds(4));
        inTest.accept(List.of(SampleEvents.delivered(1, "a", "loki"), SampleEvents.delivered(1, "b", "loki"),
                SampleEvents.failed(2, "c", "loki"), SampleEvents.delivered(3, "d", "loki")));
        List<RatePoint> points = inTest.points();
        assertEquals(new RatePoint(SampleEvents.at(1).getEpochSecond(), 2, 0), points.get(27));
        assertEquals(new RatePoint(SampleEvents.at(2).getEpochSecond(), 0, 1), points.get(28));
        assertEquals(new RatePoint(SampleEvents.at(3).getEpochSecond(), 1, 0), points.get(29));
    }

    @Test
    void onlyDeliveriesAndFailedAttemptsCount() {
        inTest.accept(List.of(SampleEvents.dead(0, "a", "loki"), SampleEvents.breaker(0, "loki", SinkHealth.OPEN),
                new BatchEvent.Persisted(SampleEvents.T0, "b", "loki", 1, 1)));
        assertEquals(0, inTest.points().stream().mapToInt(p -> p.delivered() + p.failed()).sum());
    }

    @Test
    void headlineRateAveragesTheLastCompleteSeconds() {
        for (int second = 0; second < 5; second++) {
            inTest.accept(repeat(second, 4 * (second + 1)));      // 4, 8, 12, 16, 20 deliveries
            clock.advance(Duration.ofSeconds(1));
        }
        inTest.accept(repeat(5, 1000));                           // the current, unfinished second
        assertEquals(12.0, inTest.deliveredPerSecondProperty().get(), 1e-9);
    }

    @Test
    void quietSecondsRollTheRateBackToZero() {
        inTest.accept(repeat(0, 50));
        clock.advance(Duration.ofSeconds(1));
        inTest.tick();
        assertEquals(10.0, inTest.deliveredPerSecondProperty().get(), 1e-9);
        clock.advance(Duration.ofSeconds(40));
        inTest.tick();
        assertEquals(0.0, inTest.deliveredPerSecondProperty().get(), 1e-9);
        assertEquals(0, inTest.points().stream().mapToInt(RatePoint::delivered).sum());
    }

    @Test
    void theSecondUnderWayIsNotShownYet() {
        inTest.accept(List.of(SampleEvents.delivered(0, "a", "loki")));
        assertEquals(0, inTest.points().stream().mapToInt(RatePoint::delivered).sum());
    }

    @Test
    void eventsOlderThanTheWindowAreIgnored() {
        clock.advance(Duration.ofSeconds(60));
        inTest.accept(List.of(SampleEvents.delivered(10, "late", "loki")));
        assertEquals(0, inTest.points().stream().mapToInt(RatePoint::delivered).sum());
    }

    @Test
    void eventsStampedAheadOfTheClockCountAsNow() {
        inTest.accept(List.of(SampleEvents.failed(5, "early", "loki")));
        clock.advance(Duration.ofSeconds(1));
        inTest.tick();
        assertEquals(1, inTest.points().get(29).failed());
    }

    private static List<BatchEvent> repeat(int second, int count) {
        List<BatchEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(SampleEvents.delivered(second, "b" + second + "-" + i, "loki"));
        }
        return events;
    }
}
