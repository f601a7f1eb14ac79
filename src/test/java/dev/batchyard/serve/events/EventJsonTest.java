package dev.batchyard.serve.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DamageKind;
import dev.batchyard.model.DeliveryReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00.123456789Z");
    private static final Actor ANA = new Actor("ana");

    /** One of every event the engine has: a new one fails {@link #everyEventTypeHasANameAndFields()} until added. */
    private static List<BatchEvent> oneOfEach() {
        return List.of(
                new BatchEvent.Persisted(AT, "b1", "loki", 3, 120),
                new BatchEvent.DeliveryStarted(AT, "b1", "loki", 2),
                new BatchEvent.Delivered(AT, "b1", "loki", Duration.ofMillis(250)),
                new BatchEvent.DeliveryFailed(AT, "b1", "loki", "HTTP 503", 2, AT.plusSeconds(30)),
                new BatchEvent.DeadLettered(AT, "b1", "loki", "HTTP 400", 5),
                new BatchEvent.Discarded(AT, "b1", "loki", "bad data", ANA),
                new BatchEvent.Rerouted(AT, "b1", "loki", "es", ANA),
                new BatchEvent.RetryRequested(AT, "b1", "loki", ANA),
                new BatchEvent.Expired(AT, "b1", "loki", Duration.ofHours(25)),
                new BatchEvent.CleanupPass(AT, 4, Duration.ofMillis(8)),
                new BatchEvent.RecoveryPass(AT, 10, 8, 2),
                new BatchEvent.RecoveredAtStartup(AT, Map.of(BatchState.PENDING, 3, BatchState.DEAD, 1), Duration.ofMillis(40)),
                new BatchEvent.RecoveryToggled(AT, true, ANA),
                new BatchEvent.CorruptionFound(AT, DamageKind.TORN_TAIL, "segments/0001.log", 4096, "cut record",
                        "cut off", List.of("b2")),
                new BatchEvent.Compacted(AT, 2, 1_000_000, 40),
                new BatchEvent.SinkHealthChanged(AT, "loki", SinkHealth.OPEN, BatchEvent.SinkHealthChanged.Cause.FAILURES,
                        5, AT.plusSeconds(60), "HTTP 503", "opened after 5 failures"),
                new BatchEvent.Missed(AT, 17),
                new BatchEvent.Held(AT, "b1", "lokki", "sink 'lokki' is not configured or is disabled"),
                new BatchEvent.Released(AT, "b1", "lokki"),
                new BatchEvent.Restored(AT, "b1", "loki", ANA),
                new BatchEvent.Requeued(AT, "b1", "loki", "es", 2, ANA),
                new BatchEvent.Replaced(AT, "b1", "loki", true, List.of("b1.1", "b1.2"), ANA),
                new BatchEvent.Edited(AT, "b1", "loki", 9, "b1.before-edit", ANA));
    }

    @Test
    void everyEventTypeHasANameAndFields() {
        Set<Class<?>> covered = oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(dev.batchyard.engine.events.EventTypes.records(), covered);
        oneOfEach().forEach(e -> assertEquals(AT.toString(), EventJson.data(e).get("at"), EventJson.name(e)));
    }

    @Test
    void namesAreTheRecordNamesInSnakeCase() {
        assertEquals(List.of("persisted", "delivery_started", "delivered", "delivery_failed", "dead_lettered",
                "discarded", "rerouted", "retry_requested", "expired", "cleanup_pass", "recovery_pass",
                "recovered_at_startup", "recovery_toggled", "corruption_found", "compacted", "sink_health_changed",
                "missed", "held", "released", "restored", "requeued", "replaced", "edited"), oneOfEach().stream().map(EventJson::name).toList());
    }

    @Test
    void aFailedDeliveryKeepsEveryFieldWithTimesAsInstants() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("at", "2025-03-01T10:00:00.123456789Z");
        expected.put("id", "b1");
        expected.put("sink", "loki");
        expected.put("reason", "HTTP 503");
        expected.put("retry_count", 2);
        expected.put("next_attempt_at", "2025-03-01T10:00:30.123456789Z");

        assertEquals(expected, EventJson.data(oneOfEach().get(3)));
    }

    @Test
    void durationsAreIsoDurationsAndActorsTheirNames() {
        assertEquals("PT0.25S", EventJson.data(oneOfEach().get(2)).get("took"));
        assertEquals("ana", EventJson.data(oneOfEach().get(6)).get("actor"));
        assertEquals(Map.of("DEAD", 1, "PENDING", 3), EventJson.data(oneOfEach().get(11)).get("by_state"));
    }

    @Test
    void aDeliveryKeepsItsReceipt() {
        var delivered = new BatchEvent.Delivered(AT, "b1", "kafka", Duration.ofMillis(9),
                new DeliveryReceipt(List.of(new DeliveryReceipt.Placement("logs", 1, 80, 129, 50))));

        assertEquals(List.of(Map.of("target", "logs", "part", 1, "first", 80L, "last", 129L, "count", 50)),
                EventJson.data(delivered).get("receipt"));
    }

    @Test
    void aClosedBreakerHasNoUntil() {
        var closed = new BatchEvent.SinkHealthChanged(AT, "loki", SinkHealth.CLOSED,
                BatchEvent.SinkHealthChanged.Cause.ANSWERED, 0, null, "", "answered");

        assertNull(EventJson.data(closed).get("until"));
        assertEquals("CLOSED", EventJson.data(closed).get("health"));
    }
}
