package dev.batchyard.serve.admin;

import dev.batchyard.console.Access;
import dev.batchyard.console.AuditPage;
import dev.batchyard.console.SinkView;
import dev.batchyard.console.StoreInfo;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.StoreCapacity;
import dev.batchyard.serve.auth.Caller;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store's description, its capacity, its sinks and its audit trail as the admin API writes them: every field
 * of the console's record, keys in snake case, the {@code persistence} settings under their
 * {@code config.yaml} names, times and durations ISO-8601 (as {@link AdminJson}).
 */
public final class StoreJson {
    private StoreJson() {
    }

    /** {@code GET /api/v1/store}, with who asks: the token's name and role (a viewer may change nothing). */
    public static Map<String, Object> info(StoreInfo info, Caller caller) {
        Map<String, Object> m = info(info);
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("name", caller.name());
        who.put("role", caller.role().name().toLowerCase(java.util.Locale.ROOT));
        m.put("caller", who);
        return m;
    }

    /** The store's description alone. */
    public static Map<String, Object> info(StoreInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("location", info.location());
        m.put("writable", info.writable());
        m.put("access", access(info.access()));
        m.put("settings", settings(info.settings()));
        m.put("configured_sinks", info.configuredSinks());
        return m;
    }

    /**
     * {@code GET /api/v1/capacity}: the fields of {@code stats --json}'s {@code capacity}, under the
     * same names, then when it was measured, the oldest batch's creation and the recent growth's
     * raw counts (from which the rates are computed).
     */
    public static Map<String, Object> capacity(StoreCapacity c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("live_bytes", c.liveBytes());
        m.put("max_pending_bytes", c.maxPendingBytes());
        m.put("batches", c.batches());
        m.put("max_pending_batches", c.maxPendingBatches());
        m.put("growth_window_seconds", c.window().toSeconds());
        m.put("growth_bytes_per_second", c.bytesPerSecond());
        m.put("growth_batches_per_second", c.batchesPerSecond());
        Duration full = c.timeToFull();
        m.put("seconds_to_full", full == null ? null : full.toSeconds());
        m.put("oldest_expires_at", AdminJson.time(c.oldestExpiresAt()));
        m.put("disk_bytes", c.diskBytes());
        m.put("compaction_would_free", c.compactionWouldFree());
        m.put("segments", c.segments().stream().map(s -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", s.id());
            one.put("bytes", s.bytes());
            one.put("live_bytes", s.liveBytes());
            one.put("live_ratio", s.liveRatio());
            one.put("active", s.active());
            one.put("reclaimable", s.reclaimable());
            return one;
        }).toList());
        m.put("at", AdminJson.time(c.at()));
        m.put("oldest_created_at", AdminJson.time(c.oldestCreated()));
        m.put("recent_bytes", c.recentBytes());
        m.put("recent_batches", c.recentBatches());
        return m;
    }

    static Map<String, Object> access(Access access) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (access instanceof Access.Writable) {
            m.put("kind", "writable");
        } else if (access instanceof Access.ReadOnlyByChoice) {
            m.put("kind", "read_only_by_choice");
        } else if (access instanceof Access.HeldElsewhere held) {
            m.put("kind", "held_elsewhere");
            m.put("holder_pid", held.holderPid());
        }
        return m;
    }

    static Map<String, Object> settings(PersistenceConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", c.enabled());
        m.put("directory", c.directory().toString());
        m.put("max_pending_batches", c.maxPendingBatches());
        m.put("batch_timeout", AdminJson.duration(c.batchTimeout()));
        m.put("max_recovery_retries", c.maxRecoveryRetries());
        m.put("recovery_backoff_base", AdminJson.duration(c.recoveryBackoffBase()));
        m.put("recovery_backoff_max", AdminJson.duration(c.recoveryBackoffMax()));
        m.put("cleanup_interval", AdminJson.duration(c.cleanupInterval()));
        m.put("batch_ttl", AdminJson.duration(c.batchTtl()));
        m.put("max_batch_bytes", c.maxBatchBytes());
        m.put("max_pending_bytes", c.maxPendingBytes());
        m.put("dead_batch_ttl", AdminJson.duration(c.deadBatchTtl()));
        m.put("max_dead_batches", c.maxDeadBatches());
        m.put("discard_grace", AdminJson.duration(c.discardGrace()));
        m.put("requeue_loop_limit", c.requeueLoopLimit());
        return m;
    }

    /** One element of {@code GET /api/v1/sinks}. */
    public static Map<String, Object> sink(SinkView s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("type", s.type());
        m.put("description", s.description());
        m.put("health", s.health().name());
        m.put("enabled", s.enabled());
        m.put("consecutive_failures", s.consecutiveFailures());
        m.put("open_since", AdminJson.time(s.openSince()));
        m.put("next_probe_at", AdminJson.time(s.nextProbeAt()));
        m.put("in_flight", s.inFlight());
        m.put("queued", s.queued());
        m.put("delivered", s.delivered());
        m.put("failed", s.failed());
        m.put("last_failure", s.lastFailure());
        return m;
    }

    /** {@code GET /api/v1/audit}. */
    public static Map<String, Object> audit(AuditPage page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", page.records().stream().map(StoreJson::record).toList());
        m.put("next_cursor", page.nextCursor());
        m.put("at_end", page.atEnd());
        return m;
    }

    static Map<String, Object> record(AuditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", AdminJson.time(r.at()));
        m.put("actor", r.actor());
        m.put("action", r.action());
        m.put("detail", r.detail());
        m.put("ids", r.ids());
        m.put("results", r.results().stream().map(one -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", one.id());
            result.put("ok", one.ok());
            result.put("reason", one.reason());
            result.put("message", one.message());
            return result;
        }).toList());
        m.put("line", r.line());
        return m;
    }
}
