package dev.batchyard.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.console.AuditPage;
import dev.batchyard.console.BatchPage;
import dev.batchyard.console.ActionPreview;
import dev.batchyard.console.SinkView;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.engine.ReplayStatus;
import dev.batchyard.engine.StoreCapacity;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DeliveryReceipt;
import dev.batchyard.search.SearchProgress;
import dev.batchyard.search.SearchSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The admin API's JSON read back into the console's records: the inverse of what {@code serve}
 * writes (snake-case keys, ISO-8601 times and durations, enum constants by name, {@code null} for
 * none). Strict: a field of the wrong type, an unknown enum constant or a record that refuses its
 * values fails with {@link Malformed} naming the field, which the console reports as an answer it
 * cannot read. Stateless.
 */
final class ApiJson {
    /** An answer that is JSON but not the admin API's. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    private ApiJson() {
    }

    // ---- fields ----------------------------------------------------------------------------------

    static JsonNode field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            throw new Malformed("no field '" + name + "'");
        }
        return v;
    }

    static String text(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Malformed("'" + name + "' is not a string");
        }
        return v.asText();
    }

    static String textOr(JsonNode node, String name, String absent) {
        return node.has(name) ? text(node, name) : absent;
    }

    static long number(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new Malformed("'" + name + "' is not a whole number");
        }
        return v.asLong();
    }

    static int integer(JsonNode node, String name) {
        long n = number(node, name);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw new Malformed("'" + name + "' is out of range");
        }
        return (int) n;
    }

    static double decimal(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isNumber()) {
            throw new Malformed("'" + name + "' is not a number");
        }
        return v.asDouble();
    }

    static boolean flag(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isBoolean()) {
            throw new Malformed("'" + name + "' is not true or false");
        }
        return v.asBoolean();
    }

    static Instant instant(JsonNode node, String name) {
        String t = text(node, name);
        return t == null ? null : parse(name, t, Instant::parse);
    }

    static OffsetDateTime offsetTime(JsonNode node, String name) {
        String t = text(node, name);
        return t == null ? null : parse(name, t, OffsetDateTime::parse);
    }

    static Duration duration(JsonNode node, String name) {
        String t = text(node, name);
        return t == null ? null : parse(name, t, Duration::parse);
    }

    static <E extends Enum<E>> E constant(JsonNode node, String name, Class<E> type) {
        String t = text(node, name);
        if (t == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Malformed("'" + name + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static JsonNode array(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isArray()) {
            throw new Malformed("'" + name + "' is not an array");
        }
        return v;
    }

    static <T> List<T> list(JsonNode node, String name, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        for (JsonNode n : array(node, name)) {
            out.add(item.apply(n));
        }
        return out;
    }

    static List<String> texts(JsonNode node, String name) {
        return list(node, name, n -> {
            if (!n.isTextual()) {
                throw new Malformed("'" + name + "' holds something that is not a string");
            }
            return n.asText();
        });
    }

    static JsonNode object(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isObject()) {
            throw new Malformed("'" + name + "' is not an object");
        }
        return v;
    }

    static Map<String, String> textMap(JsonNode node, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object(node, name).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
        }
        return out;
    }

    static Map<String, Integer> countMap(JsonNode node, String name) {
        Map<String, Integer> out = new LinkedHashMap<>();
        JsonNode map = object(node, name);
        for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            out.put(key, integer(map, key));
        }
        return out;
    }

    private static <T> T parse(String name, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new Malformed("'" + name + "' is not a time or duration: " + Texts.clean(text));
        }
    }

    // ---- records -----------------------------------------------------------------------------------

    static BatchView batch(JsonNode n) {
        return batch(n, integer(n, "entries"));
    }

    /** A batch's metadata where {@code entries} is not the count but the entries themselves ({@code GET /api/v1/batches/{id}}). */
    static BatchView batch(JsonNode n, int entryCount) {
        return new BatchView(text(n, "id"), text(n, "sink"), constant(n, "state", BatchState.class),
                entryCount, number(n, "bytes"), offsetTime(n, "created_at"), offsetTime(n, "last_attempt"),
                integer(n, "retry_count"), text(n, "failure_reason"), instant(n, "next_attempt"),
                textMap(n, "context"), list(n, "attempts", ApiJson::attempt),
                n.has("requeue_count") ? integer(n, "requeue_count") : 0, n.has("looped") && flag(n, "looped"));
    }

    static Attempt attempt(JsonNode n) {
        return new Attempt(instant(n, "at"), text(n, "sink"), duration(n, "duration"),
                constant(n, "outcome", Attempt.Outcome.class), text(n, "error"), receipt(n, "receipt"));
    }

    static DeliveryReceipt receipt(JsonNode n, String name) {
        if (!n.has(name) || n.get(name).isNull()) {
            return DeliveryReceipt.NONE;
        }
        return new DeliveryReceipt(list(n, name, p -> new DeliveryReceipt.Placement(text(p, "target"),
                integer(p, "part"), number(p, "first"), number(p, "last"), integer(p, "count"))));
    }

    static BatchPage page(JsonNode n) {
        return new BatchPage(list(n, "batches", ApiJson::batch), text(n, "next_cursor"), integer(n, "total"));
    }

    static StoreStats stats(JsonNode n) {
        Map<BatchState, Integer> byState = new EnumMap<>(BatchState.class);
        countMap(n, "by_state").forEach((state, count) -> {
            try {
                byState.put(BatchState.valueOf(state), count);
            } catch (IllegalArgumentException e) {
                throw new Malformed("'by_state' names no state: " + Texts.clean(state));
            }
        });
        return new StoreStats(byState, countMap(n, "by_sink"), number(n, "entries"), number(n, "live_bytes"),
                number(n, "disk_bytes"), offsetTime(n, "oldest_created_at"), flag(n, "recovery_paused"),
                flag(n, "healthy"), instant(n, "next_cleanup_at"));
    }

    static PersistenceConfig settings(JsonNode n) {
        return new PersistenceConfig(flag(n, "enabled"), Path.of(text(n, "directory")), integer(n, "max_pending_batches"),
                duration(n, "batch_timeout"), integer(n, "max_recovery_retries"), duration(n, "recovery_backoff_base"),
                duration(n, "recovery_backoff_max"), duration(n, "cleanup_interval"), duration(n, "batch_ttl"),
                number(n, "max_batch_bytes"), number(n, "max_pending_bytes"), duration(n, "dead_batch_ttl"),
                integer(n, "max_dead_batches"), duration(n, "discard_grace"), integer(n, "requeue_loop_limit"));
    }

    static SinkView sink(JsonNode n) {
        return new SinkView(text(n, "name"), text(n, "type"), text(n, "description"),
                constant(n, "health", SinkHealth.class), integer(n, "consecutive_failures"), instant(n, "open_since"),
                instant(n, "next_probe_at"), integer(n, "in_flight"), integer(n, "queued"), number(n, "delivered"),
                number(n, "failed"), text(n, "last_failure"));
    }

    static StoreCapacity capacity(JsonNode n) {
        return new StoreCapacity(instant(n, "at"), number(n, "disk_bytes"), number(n, "live_bytes"),
                number(n, "max_pending_bytes"), integer(n, "batches"), integer(n, "max_pending_batches"),
                number(n, "recent_bytes"), integer(n, "recent_batches"),
                Duration.ofSeconds(number(n, "growth_window_seconds")), offsetTime(n, "oldest_created_at"),
                instant(n, "oldest_expires_at"), list(n, "segments", s -> new StoreCapacity.Segment(number(s, "id"),
                number(s, "bytes"), number(s, "live_bytes"), flag(s, "active"))));
    }

    static DiscardedBatch discarded(JsonNode n) {
        return new DiscardedBatch(batch(n), instant(n, "discarded_at"), text(n, "discard_reason"),
                text(n, "discarded_by"), instant(n, "restorable_until"), textOr(n, "version_of", ""));
    }

    static List<ActionResult> results(JsonNode n) {
        return list(n, "results", r -> new ActionResult(text(r, "id"), reason(text(r, "reason")), texts(r, "args")));
    }

    private static ActionResult.Reason reason(String code) {
        for (ActionResult.Reason r : ActionResult.Reason.values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new Malformed("'reason' is no reason this client knows: " + Texts.clean(code));
    }

    static ActionPreview preview(JsonNode n) {
        Map<String, ActionPreview.Share> perSink = new LinkedHashMap<>();
        JsonNode sinks = object(n, "per_sink");
        for (Iterator<Map.Entry<String, JsonNode>> it = sinks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            perSink.put(e.getKey(), new ActionPreview.Share(integer(e.getValue(), "batches"),
                    number(e.getValue(), "entries"), number(e.getValue(), "bytes")));
        }
        return new ActionPreview(integer(n, "batches"), number(n, "entries"), number(n, "bytes"), perSink,
                integer(n, "in_flight"), integer(n, "dead"), texts(n, "not_stored"), integer(n, "looped"));
    }

    static RepairResult repair(JsonNode n) {
        return new RepairResult(flag(n, "applied"), texts(n, "removed"), list(n, "made", p -> new RepairResult.Part(
                text(p, "id"), text(p, "sink"), constant(p, "state", BatchState.class), integer(p, "entries"),
                number(p, "bytes"), list(p, "from", f -> new RepairResult.Source(text(f, "batch"), text(f, "entries"))))));
    }

    static EditResult edited(JsonNode n) {
        return new EditResult(list(n, "edited", e -> new EditResult.Edited(text(e, "id"), text(e, "previous_version"),
                integer(e, "entries_before"), integer(e, "entries_after"), texts(e, "changes"))));
    }

    static CleanupReport cleanup(JsonNode n) {
        return new CleanupReport(texts(n, "expired_ids"), duration(n, "took"));
    }

    static AuditPage audit(JsonNode n) {
        return new AuditPage(list(n, "records", ApiJson::record), text(n, "next_cursor"), flag(n, "at_end"));
    }

    static AuditRecord record(JsonNode n) {
        return new AuditRecord(instant(n, "at"), text(n, "actor"), text(n, "action"), text(n, "detail"),
                texts(n, "ids"), list(n, "results", r -> new AuditRecord.Result(text(r, "id"), flag(r, "ok"),
                text(r, "reason"), text(r, "message"))), text(n, "line"));
    }

    static ReplayStatus replay(JsonNode n) {
        return new ReplayStatus(constant(n, "action", ReplayRequest.Action.class), text(n, "sink"),
                decimal(n, "rate"), integer(n, "total"), integer(n, "taken"), integer(n, "refused"),
                constant(n, "state", ReplayStatus.State.class), text(n, "started_by"), instant(n, "started_at"),
                texts(n, "uncertain"), flag(n, "active"));
    }

    static SearchSummary searchSummary(JsonNode s, long hits) {
        SearchProgress progress = new SearchProgress(integer(s, "batches_total"), integer(s, "batches_scanned"),
                number(s, "entries_scanned"), hits, integer(s, "batches_with_hits"));
        return new SearchSummary(progress, constant(s, "ending", SearchSummary.Ending.class), duration(s, "took"),
                texts(s, "unreadable"), integer(s, "unreadable_count"));
    }
}
