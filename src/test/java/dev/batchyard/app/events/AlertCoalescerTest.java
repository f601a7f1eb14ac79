package dev.batchyard.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertCoalescerTest {
    private final MutableClock clock = new MutableClock(SampleEvents.T0);
    private final AlertCoalescer inTest = new AlertCoalescer(PanelTexts.english().messages(), clock, Duration.ofSeconds(10));

    @Test
    void aStormOfDeadBatchesBecomesOneNoticeWithTheTotal() {
        for (int i = 0; i < 4; i++) {
            inTest.record(List.of(SampleEvents.dead(0, "a" + i, "splunk"), SampleEvents.dead(0, "b" + i, "loki"),
                    SampleEvents.dead(0, "c" + i, "loki")));
        }
        List<Notice> notices = inTest.due();
        assertEquals(List.of(new Notice(Severity.DANGER, "Batches went dead", "12 batches went dead on loki, splunk")),
                notices);
    }

    @Test
    void aNewNoticeWaitsForTheQuietPeriodAndThenSumsUp() {
        inTest.record(List.of(SampleEvents.dead(0, "a", "loki")));
        assertEquals("1 batch went dead on loki", inTest.due().get(0).text());
        inTest.record(List.of(SampleEvents.dead(1, "b", "loki")));
        clock.advance(Duration.ofSeconds(4));
        inTest.record(List.of(SampleEvents.dead(5, "c", "loki"), SampleEvents.dead(5, "d", "loki")));
        assertEquals(List.of(), inTest.due());
        clock.advance(Duration.ofSeconds(6));
        assertEquals("3 batches went dead on loki", inTest.due().get(0).text());
    }

    @Test
    void nothingCountedMeansNothingToSay() {
        inTest.record(List.of(SampleEvents.delivered(0, "a", "loki"), SampleEvents.failed(0, "b", "loki")));
        assertEquals(List.of(), inTest.due());
    }

    @Test
    void openingBreakersAreNamedInOneNotice() {
        inTest.record(List.of(SampleEvents.breaker(0, "splunk", SinkHealth.OPEN), SampleEvents.breaker(0, "loki", SinkHealth.OPEN),
                SampleEvents.breaker(1, "splunk", SinkHealth.OPEN)));
        assertEquals(List.of(new Notice(Severity.DANGER, "Circuit breaker open",
                "2 sinks stopped accepting batches: loki, splunk")), inTest.due());
    }

    @Test
    void aBreakerClosingOrHalfOpeningIsNotAnAlarm() {
        inTest.record(List.of(SampleEvents.breaker(0, "loki", SinkHealth.CLOSED), SampleEvents.breaker(0, "loki", SinkHealth.HALF_OPEN)));
        assertEquals(List.of(), inTest.due());
    }

    @Test
    void deadAndBreakerNoticesAreThrottledIndependently() {
        inTest.record(List.of(SampleEvents.dead(0, "a", "loki")));
        inTest.due();
        inTest.record(List.<BatchEvent>of(SampleEvents.breaker(1, "loki", SinkHealth.OPEN)));
        assertEquals("Sink loki stopped accepting batches", inTest.due().get(0).text());
    }
}
