package dev.batchyard.serve.events;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.model.DeliveryReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An engine event as the admin API sends it: a name ({@code delivery_failed}, the record's name in
 * snake case) and a plain JSON object of the record's fields, keys in snake case, every field kept,
 * so a client can rebuild the same {@link BatchEvent}: times as ISO-8601 instants, durations as
 * ISO-8601 durations ({@code PT0.25S}), enum constants by name as the CLI's {@code --json} writes them
 * ({@code RETRY_WAIT}, {@code HALF_OPEN}), an actor by its name. The OpenAPI document
 * ({@code src/main/resources/dev/batchyard/serve/openapi.json}) names each event's fields.
 */
public final class EventJson {
    private EventJson() {
    }

    /** The SSE event name of {@code event}. */
    public static String name(BatchEvent event) {
        String simple = event.getClass().getSimpleName();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** The fields of {@code event}, {@code at} first. */
    public static Map<String, Object> data(BatchEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", time(event.at()));
        if (event instanceof BatchEvent.Persisted e) {
            batch(m, e.id(), e.sink());
            m.put("entry_count", e.entryCount());
            m.put("bytes", e.bytes());
        } else if (event instanceof BatchEvent.DeliveryStarted e) {
            batch(m, e.id(), e.sink());
            m.put("attempt", e.attempt());
        } else if (event instanceof BatchEvent.Delivered e) {
            batch(m, e.id(), e.sink());
            m.put("took", duration(e.took()));
            m.put("receipt", receipt(e.receipt()));
        } else if (event instanceof BatchEvent.DeliveryFailed e) {
            batch(m, e.id(), e.sink());
            m.put("reason", e.reason());
            m.put("retry_count", e.retryCount());
            m.put("next_attempt_at", time(e.nextAttemptAt()));
        } else if (event instanceof BatchEvent.DeadLettered e) {
            batch(m, e.id(), e.sink());
            m.put("reason", e.reason());
            m.put("retry_count", e.retryCount());
        } else if (event instanceof BatchEvent.Held e) {
            batch(m, e.id(), e.sink());
            m.put("reason", e.reason());
        } else if (event instanceof BatchEvent.Restored e) {
            batch(m, e.id(), e.sink());
            m.put("actor", e.actor().name());
        } else if (event instanceof BatchEvent.Released e) {
            batch(m, e.id(), e.sink());
        } else if (event instanceof BatchEvent.Discarded e) {
            batch(m, e.id(), e.sink());
            m.put("reason", e.reason());
            m.put("actor", e.actor().name());
        } else if (event instanceof BatchEvent.Replaced e) {
            batch(m, e.id(), e.sink());
            m.put("split", e.split());
            m.put("into", e.into());
            m.put("actor", e.actor().name());
        } else if (event instanceof BatchEvent.Edited e) {
            batch(m, e.id(), e.sink());
            m.put("entry_count", e.entryCount());
            m.put("kept_as", e.keptAs());
            m.put("actor", e.actor().name());
        } else if (event instanceof BatchEvent.Requeued e) {
            m.put("id", e.id());
            m.put("from_sink", e.fromSink());
            m.put("to_sink", e.toSink());
            m.put("requeues", e.requeues());
            m.put("actor", e.actor().name());
        } else if (event instanceof BatchEvent.Rerouted e) {
            m.put("id", e.id());
            m.put("from_sink", e.fromSink());
            m.put("to_sink", e.toSink());
            m.put("actor", e.actor().name());
        } else if (event instanceof BatchEvent.RetryRequested e) {
            batch(m, e.id(), e.sink());
            m.put("actor", e.actor().name());
        } else if (event instanceof BatchEvent.Expired e) {
            batch(m, e.id(), e.sink());
            m.put("age", duration(e.age()));
        } else if (event instanceof BatchEvent.CleanupPass e) {
            m.put("expired", e.expired());
            m.put("took", duration(e.took()));
        } else if (event instanceof BatchEvent.RecoveryPass e) {
            m.put("due", e.due());
            m.put("dispatched", e.dispatched());
            m.put("held", e.held());
        } else if (event instanceof BatchEvent.RecoveredAtStartup e) {
            Map<String, Integer> byState = new TreeMap<>();
            e.byState().forEach((state, count) -> byState.put(state.name(), count));
            m.put("by_state", byState);
            m.put("took", duration(e.took()));
        } else if (event instanceof BatchEvent.RecoveryToggled e) {
            m.put("paused", e.paused());
            m.put("actor", e.actor().name());
        } else if (event instanceof BatchEvent.CorruptionFound e) {
            m.put("kind", e.kind().name());
            m.put("file", e.file());
            m.put("offset", e.offset());
            m.put("detail", e.detail());
            m.put("action", e.action());
            m.put("batch_ids", e.batchIds());
        } else if (event instanceof BatchEvent.Compacted e) {
            m.put("segments", e.segments());
            m.put("bytes_reclaimed", e.bytesReclaimed());
            m.put("batches_moved", e.batchesMoved());
        } else if (event instanceof BatchEvent.SinkHealthChanged e) {
            m.put("sink", e.sink());
            m.put("health", e.health().name());
            m.put("cause", e.cause() == null ? null : e.cause().name());
            m.put("failures", e.failures());
            m.put("until", time(e.until()));
            m.put("last_failure", e.lastFailure());
            m.put("detail", e.detail());
        } else if (event instanceof BatchEvent.Missed e) {
            m.put("count", e.count());
        } else {
            // a new event type: a compile error would be better, Java 17 has no switch over sealed types
            throw new IllegalStateException("no JSON form for " + event.getClass().getName());
        }
        return m;
    }

    /** Where a sink put a delivered batch (Kafka's topic, partition and offsets); empty when it does not say. */
    public static List<Map<String, Object>> receipt(DeliveryReceipt receipt) {
        return receipt.placements().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", p.target());
            m.put("part", p.part());
            m.put("first", p.first());
            m.put("last", p.last());
            m.put("count", p.count());
            return m;
        }).toList();
    }

    private static void batch(Map<String, Object> m, String id, String sink) {
        m.put("id", id);
        m.put("sink", sink);
    }

    static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    static String duration(Duration d) {
        return d == null ? null : d.toString();
    }
}
