package dev.batchyard.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Formats;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventDescriberTest {
    private final EventDescriber inTest = new EventDescriber(PanelTexts.english());

    @Test
    void samplesCoverEveryEventTypeTheEngineCanPublish() {
        Set<Class<?>> sampled = java.util.stream.Stream.concat(SampleEvents.oneOfEach().stream(),
                SampleEvents.deadLetterEvents().stream()).map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> permitted = dev.batchyard.engine.events.EventTypes.records();
        assertEquals(permitted, sampled);
    }

    @Test
    void everyEventTypeGetsAFilledInOneLineDescription() {
        for (BatchEvent event : java.util.stream.Stream.concat(SampleEvents.oneOfEach().stream(),
                SampleEvents.deadLetterEvents().stream()).toList()) {
            String text = inTest.describe(1, event).description();
            assertFalse(text.isBlank(), event.toString());
            assertFalse(text.contains("{") || text.contains("\n"), text);
        }
    }

    @Test
    void deadLetterNamesBatchSinkRetriesAndReasonAsDanger() {
        EventRow row = inTest.describe(7, SampleEvents.dead(0, "b-9", "loki"));
        assertEquals("Batch b-9 is dead on loki after 10 retries: HTTP 500", row.description());
        assertEquals(Severity.DANGER, row.severity());
        assertEquals(EventKind.DEAD_LETTER, row.kind());
        assertEquals("b-9", row.batchId());
        assertEquals(7, row.sequence());
    }

    @Test
    void failureTellsWhenTheNextAttemptIsInTheUsersZone() {
        Formats tokyo = PanelTexts.in(Locale.US, ZoneId.of("Asia/Tokyo"));
        EventRow row = new EventDescriber(tokyo).describe(1, SampleEvents.failed(0, "b-2", "splunk"));
        // 14:03:09 UTC is 23:03:09 in Tokyo
        assertEquals("Batch b-2 failed on splunk (retry 1): connection refused; next attempt at 11:03:09 PM",
                row.description());
    }

    @Test
    void rerouteBelongsToBothSinks() {
        EventRow row = inTest.describe(1, SampleEvents.oneOfEach().get(6));
        assertEquals(List.of("splunk", "elasticsearch"), row.sinks());
        assertEquals("Batch b-5 rerouted from splunk to elasticsearch by ana", row.description());
    }

    @Test
    void openBreakerIsDangerAndClosedBreakerIsGoodNews() {
        assertEquals(Severity.DANGER, inTest.describe(1, SampleEvents.breaker(0, "loki", SinkHealth.OPEN)).severity());
        assertEquals(Severity.SUCCESS, inTest.describe(1, SampleEvents.breaker(0, "loki", SinkHealth.CLOSED)).severity());
    }

    @Test
    void breakerStatesAreSpelledOutAndUnknownOnesShownAsReported() {
        assertEquals("Sink loki: circuit breaker open, deliveries held back (5 failures in a row; next probe at "
                        + "2:03:37 PM; last: HTTP 503)",
                inTest.describe(1, SampleEvents.breaker(0, "loki", SinkHealth.OPEN)).description());
        assertEquals("Sink loki: not_configured (the sink answered again)",
                inTest.describe(1, SampleEvents.breaker(0, "loki", SinkHealth.NOT_CONFIGURED)).description());
    }

    @Test
    void whyABreakerOpenedIsSaidInPortugueseKeepingTheSinksOwnReason() {
        EventDescriber portuguese = new EventDescriber(PanelTexts.in(new Locale("pt", "BR"), ZoneId.of("UTC")));

        String text = portuguese.describe(1, SampleEvents.breaker(0, "loki", SinkHealth.OPEN)).description();

        assertEquals("Sink loki: circuit breaker aberto, entregas retidas (5 falhas seguidas; próximo teste às "
                + "14:03:37; última: HTTP 503)", text);
    }

    @Test
    void everyCauseOfAHealthChangeIsWordedInPortuguese() {
        EventDescriber english = new EventDescriber(PanelTexts.english());
        EventDescriber portuguese = new EventDescriber(PanelTexts.in(new Locale("pt", "BR"), ZoneId.of("UTC")));
        for (BatchEvent.SinkHealthChanged.Cause cause : BatchEvent.SinkHealthChanged.Cause.values()) {
            BatchEvent event = new BatchEvent.SinkHealthChanged(SampleEvents.T0, "loki", SinkHealth.OPEN, cause, 1,
                    SampleEvents.T0.plusSeconds(30), "HTTP 503", "English detail");

            String inEnglish = english.describe(1, event).description();
            String why = inEnglish.substring(inEnglish.indexOf('(') + 1, inEnglish.lastIndexOf(')'));

            String text = portuguese.describe(1, event).description();

            assertFalse(text.contains(why), () -> cause + " is still in English: " + text);
            assertFalse(text.contains("English detail"), text);
        }
    }

    @Test
    void singularAndPluralCountsReadNaturally() {
        String one = inTest.describe(1, new BatchEvent.Persisted(SampleEvents.T0, "b", "loki", 1, 10)).description();
        String many = inTest.describe(1, new BatchEvent.Persisted(SampleEvents.T0, "b", "loki", 12_345, 10))
                .description();
        assertEquals("Batch b stored for loki: 1 entry, 10 B", one);
        assertEquals("Batch b stored for loki: 12,345 entries, 10 B", many);
    }

    @Test
    void numbersAndDurationsFollowTheLocale() {
        EventDescriber portuguese = new EventDescriber(PanelTexts.in(new Locale("pt", "BR"), ZoneId.of("UTC")));
        String text = portuguese.describe(1, new BatchEvent.Delivered(SampleEvents.T0, "b", "loki",
                Duration.ofMillis(1500))).description();
        assertTrue(text.endsWith("1,5 s"), text);
        String stored = portuguese.describe(1, new BatchEvent.Persisted(SampleEvents.T0, "b", "loki", 12_345,
                2_621_440)).description();
        assertTrue(stored.contains("12.345") && stored.contains("2,5 MiB"), stored);
    }

    @Test
    void startupRecoveryListsOnlyTheStatesThatHaveBatches() {
        EventRow row = inTest.describe(1, SampleEvents.oneOfEach().get(11));
        assertEquals("Store opened with 4 batches waiting (3 pending, 1 dead) in 1.5 s", row.description());
    }

    @Test
    void aRestartedServersUnknownLossIsSaidAsSuchNotAsANegativeCount() {
        String text = inTest.describe(1, new dev.batchyard.engine.events.BatchEvent.Missed(SampleEvents.T0, -1))
                .description();

        assertEquals("An unknown number of events missed: the server was restarted and could not say how many", text);
    }
}
