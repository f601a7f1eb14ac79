package dev.batchyard.app.events;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DamageKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Engine events as the engine would publish them, for feeding panels in tests. */
public final class SampleEvents {
    public static final Instant T0 = Instant.parse("2026-11-26T14:03:07Z");
    private static final Actor ANA = new Actor("ana");

    private SampleEvents() {
    }

    /** One event of every type the engine publishes, one second apart. */
    public static List<BatchEvent> oneOfEach() {
        return List.of(
                new BatchEvent.Persisted(at(0), "b-1", "loki", 120, 48_300),
                new BatchEvent.DeliveryStarted(at(1), "b-1", "loki", 1),
                new BatchEvent.Delivered(at(2), "b-1", "loki", Duration.ofMillis(85)),
                new BatchEvent.DeliveryFailed(at(3), "b-2", "splunk", "HTTP 503", 3, at(33)),
                new BatchEvent.DeadLettered(at(4), "b-3", "splunk", "HTTP 400 bad request", 10),
                new BatchEvent.Discarded(at(5), "b-4", "loki", "test data", ANA),
                new BatchEvent.Rerouted(at(6), "b-5", "splunk", "elasticsearch", ANA),
                new BatchEvent.RetryRequested(at(7), "b-6", "loki", ANA),
                new BatchEvent.Expired(at(8), "b-7", "kafka", Duration.ofHours(25)),
                new BatchEvent.CleanupPass(at(9), 1, Duration.ofMillis(12)),
                new BatchEvent.RecoveryPass(at(10), 40, 32, 8),
                new BatchEvent.RecoveredAtStartup(at(11), Map.of(BatchState.PENDING, 3, BatchState.DEAD, 1),
                        Duration.ofMillis(1500)),
                new BatchEvent.RecoveryToggled(at(12), true, ANA),
                new BatchEvent.CorruptionFound(at(13), DamageKind.DAMAGED_RECORDS, "segment-000042.log", 1_048_576,
                        "checksum mismatch", "segment kept aside", List.of()),
                new BatchEvent.Compacted(at(14), 3, 5 * 1024 * 1024, 17),
                breaker(15, "splunk", SinkHealth.OPEN),
                new BatchEvent.Missed(at(16), 2_500));
    }

    /** The dead-letter work's events: a hold, its release, a restore. */
    public static List<BatchEvent> deadLetterEvents() {
        return List.of(
                new BatchEvent.Held(at(17), "b-9", "lokki", "sink 'lokki' is not configured or is disabled"),
                new BatchEvent.Released(at(18), "b-9", "lokki"),
                new BatchEvent.Restored(at(19), "b-4", "loki", ANA),
                new BatchEvent.Requeued(at(20), "b-4", "loki", "es", 4, ANA),
                new BatchEvent.Replaced(at(21), "b-5", "loki", true, List.of("b-5.1", "b-5.2"), ANA),
                new BatchEvent.Edited(at(22), "b-6", "loki", 9, "b-6.before-edit", ANA));
    }

    public static BatchEvent dead(int second, String id, String sink) {
        return new BatchEvent.DeadLettered(at(second), id, sink, "HTTP 500", 10);
    }

    public static BatchEvent delivered(int second, String id, String sink) {
        return new BatchEvent.Delivered(at(second), id, sink, Duration.ofMillis(40));
    }

    public static BatchEvent failed(int second, String id, String sink) {
        return new BatchEvent.DeliveryFailed(at(second), id, sink, "connection refused", 1, at(second + 2));
    }

    /** An open breaker was opened by 5 failures and holds batches for 30 s; any other state came back. */
    public static BatchEvent breaker(int second, String sink, SinkHealth health) {
        return health == SinkHealth.OPEN
                ? new BatchEvent.SinkHealthChanged(at(second), sink, health, BatchEvent.SinkHealthChanged.Cause.FAILURES,
                        5, at(second + 30), "HTTP 503", "5 consecutive failures")
                : new BatchEvent.SinkHealthChanged(at(second), sink, health, BatchEvent.SinkHealthChanged.Cause.ANSWERED,
                        0, null, "", "sink answered again");
    }

    /** {@code count} deliveries to {@code sink}, ids {@code prefix-1...}, all at second 0. */
    public static List<BatchEvent> deliveries(String prefix, String sink, int count) {
        List<BatchEvent> events = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            events.add(delivered(0, prefix + "-" + i, sink));
        }
        return events;
    }

    public static Instant at(int second) {
        return T0.plusSeconds(second);
    }
}
