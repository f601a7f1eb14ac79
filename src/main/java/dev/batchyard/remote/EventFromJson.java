package dev.batchyard.remote;

import static dev.batchyard.remote.ApiJson.constant;
import static dev.batchyard.remote.ApiJson.duration;
import static dev.batchyard.remote.ApiJson.flag;
import static dev.batchyard.remote.ApiJson.instant;
import static dev.batchyard.remote.ApiJson.integer;
import static dev.batchyard.remote.ApiJson.number;
import static dev.batchyard.remote.ApiJson.text;
import static dev.batchyard.remote.ApiJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DamageKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * An event of {@code GET /api/v1/events} (its SSE name and its {@code data} object) back into the
 * engine's {@link BatchEvent}: the inverse of the server's event JSON, field for field. The
 * server's own {@code missed} event is not an engine event and is read by the stream
 * ({@link EventStreamReader}). Stateless.
 */
final class EventFromJson {
    private EventFromJson() {
    }

    /** @throws ApiJson.Malformed for a name no event has, or fields that do not fit it */
    static BatchEvent read(String name, JsonNode d) {
        return switch (name) {
            case "persisted" -> new BatchEvent.Persisted(at(d), id(d), sink(d), integer(d, "entry_count"),
                    number(d, "bytes"));
            case "delivery_started" -> new BatchEvent.DeliveryStarted(at(d), id(d), sink(d), integer(d, "attempt"));
            case "delivered" -> new BatchEvent.Delivered(at(d), id(d), sink(d), duration(d, "took"),
                    ApiJson.receipt(d, "receipt"));
            case "delivery_failed" -> new BatchEvent.DeliveryFailed(at(d), id(d), sink(d), text(d, "reason"),
                    integer(d, "retry_count"), instant(d, "next_attempt_at"));
            case "dead_lettered" -> new BatchEvent.DeadLettered(at(d), id(d), sink(d), text(d, "reason"),
                    integer(d, "retry_count"));
            case "held" -> new BatchEvent.Held(at(d), id(d), sink(d), text(d, "reason"));
            case "released" -> new BatchEvent.Released(at(d), id(d), sink(d));
            case "discarded" -> new BatchEvent.Discarded(at(d), id(d), sink(d), text(d, "reason"), actor(d));
            case "restored" -> new BatchEvent.Restored(at(d), id(d), sink(d), actor(d));
            case "replaced" -> new BatchEvent.Replaced(at(d), id(d), sink(d), flag(d, "split"), texts(d, "into"), actor(d));
            case "edited" -> new BatchEvent.Edited(at(d), id(d), sink(d), integer(d, "entry_count"), text(d, "kept_as"),
                    actor(d));
            case "requeued" -> new BatchEvent.Requeued(at(d), id(d), text(d, "from_sink"), text(d, "to_sink"),
                    integer(d, "requeues"), actor(d));
            case "rerouted" -> new BatchEvent.Rerouted(at(d), id(d), text(d, "from_sink"), text(d, "to_sink"), actor(d));
            case "retry_requested" -> new BatchEvent.RetryRequested(at(d), id(d), sink(d), actor(d));
            case "expired" -> new BatchEvent.Expired(at(d), id(d), sink(d), duration(d, "age"));
            case "cleanup_pass" -> new BatchEvent.CleanupPass(at(d), integer(d, "expired"), duration(d, "took"));
            case "recovery_pass" -> new BatchEvent.RecoveryPass(at(d), integer(d, "due"), integer(d, "dispatched"),
                    integer(d, "held"));
            case "recovered_at_startup" -> new BatchEvent.RecoveredAtStartup(at(d), byState(d), duration(d, "took"));
            case "recovery_toggled" -> new BatchEvent.RecoveryToggled(at(d), flag(d, "paused"), actor(d));
            case "corruption_found" -> corruption(d);
            case "compacted" -> new BatchEvent.Compacted(at(d), integer(d, "segments"), number(d, "bytes_reclaimed"),
                    integer(d, "batches_moved"));
            case "sink_health_changed" -> new BatchEvent.SinkHealthChanged(at(d), sink(d),
                    constant(d, "health", SinkHealth.class),
                    constant(d, "cause", BatchEvent.SinkHealthChanged.Cause.class), integer(d, "failures"),
                    instant(d, "until"), text(d, "last_failure"), text(d, "detail"));
            case "missed" -> new BatchEvent.Missed(at(d), number(d, "count"));
            default -> throw new ApiJson.Malformed("no event is called '" + Texts.clean(name) + "'");
        };
    }

    /** A {@code damage} element or a {@code corruption_found} event. */
    static BatchEvent.CorruptionFound corruption(JsonNode d) {
        return new BatchEvent.CorruptionFound(at(d), constant(d, "kind", DamageKind.class), text(d, "file"),
                number(d, "offset"), text(d, "detail"), text(d, "action"), texts(d, "batch_ids"));
    }

    private static java.time.Instant at(JsonNode d) {
        return instant(d, "at");
    }

    private static String id(JsonNode d) {
        return text(d, "id");
    }

    private static String sink(JsonNode d) {
        return text(d, "sink");
    }

    private static Actor actor(JsonNode d) {
        return new Actor(text(d, "actor"));
    }

    private static Map<BatchState, Integer> byState(JsonNode d) {
        Map<BatchState, Integer> out = new EnumMap<>(BatchState.class);
        ApiJson.countMap(d, "by_state").forEach((state, count) -> {
            try {
                out.put(BatchState.valueOf(state), count);
            } catch (IllegalArgumentException e) {
                throw new ApiJson.Malformed("'by_state' names no state: " + Texts.clean(state));
            }
        });
        return out;
    }
}
