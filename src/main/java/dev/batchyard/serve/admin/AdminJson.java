package dev.batchyard.serve.admin;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.batchyard.console.ActionPreview;
import dev.batchyard.console.BatchPage;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.serve.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import dev.batchyard.search.SearchHit;
import dev.batchyard.search.SearchSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's data as the admin API writes it: plain JSON objects, keys in snake case, the same
 * names and shapes as the CLI's {@code --json} ({@code list}, {@code stats}, the action reports)
 * with what a remote console needs to rebuild the record besides (a batch's context and attempts,
 * an action's arguments). Times are ISO-8601 (a batch's own times keep their offset), durations
 * ISO-8601 durations, enum constants by name; "none" is {@code null}.
 */
public final class AdminJson {
    private AdminJson() {
    }

    /** One batch's metadata: {@code list --json}'s fields, then its context and its recent attempts. */
    public static Map<String, Object> batch(BatchView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("sink", v.sink());
        m.put("state", v.state().name());
        m.put("entries", v.entryCount());
        m.put("bytes", v.storedBytes());
        m.put("created_at", time(v.createdAt()));
        m.put("last_attempt", time(v.lastAttempt()));
        m.put("retry_count", v.retryCount());
        m.put("failure_reason", v.failureReason());
        m.put("next_attempt", time(v.nextAttemptAt()));
        m.put("context", new TreeMap<>(v.context()));
        m.put("attempts", v.attempts().stream().map(AdminJson::attempt).toList());
        m.put("requeue_count", v.requeueCount());
        m.put("looped", v.looped());
        return m;
    }

    static Map<String, Object> attempt(Attempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", time(a.at()));
        m.put("sink", a.sink());
        m.put("duration", duration(a.duration()));
        m.put("outcome", a.outcome().name());
        m.put("error", a.error());
        m.put("receipt", EventJson.receipt(a.receipt()));
        m.put("rejections", a.rejections().stream().map(r -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("entry_index", r.index());
            one.put("reason", r.reason());
            return one;
        }).toList());
        return m;
    }


    /** What a split or merge made: {@code applied}, {@code removed} and each new batch with where its entries came from. */
    public static Map<String, Object> repair(RepairResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applied", r.applied());
        m.put("removed", r.removed());
        m.put("made", r.made().stream().map(p -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("id", p.id());
            part.put("sink", p.sink());
            part.put("state", p.state().name());
            part.put("entries", p.entryCount());
            part.put("bytes", p.bytes());
            part.put("from", p.sources().stream().map(s -> {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("batch", s.batch());
                source.put("entries", s.indexes());
                return source;
            }).toList());
            return part;
        }).toList());
        return m;
    }

    /** What an edit did: per batch, the version kept, the entries before and after, and what changed. */
    public static Map<String, Object> edited(EditResult r) {
        return Map.of("edited", r.batches().stream().map(e -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", e.id());
            one.put("previous_version", e.previousVersion());
            one.put("entries_before", e.entriesBefore());
            one.put("entries_after", e.entriesAfter());
            one.put("changes", e.changes());
            return one;
        }).toList());
    }

    /** {@code stats --json}'s fields, then the recovery loop's state and the next cleanup pass. */
    public static Map<String, Object> stats(StoreStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batches", s.total());
        m.put("entries", s.entries());
        Map<String, Integer> states = new LinkedHashMap<>();
        for (BatchState state : BatchState.values()) {
            states.put(state.name(), s.count(state));
        }
        m.put("by_state", states);
        m.put("by_sink", new TreeMap<>(s.bySink()));
        m.put("live_bytes", s.liveBytes());
        m.put("disk_bytes", s.diskBytes());
        m.put("oldest_created_at", time(s.oldestCreated()));
        m.put("healthy", s.healthy());
        m.put("recovery_paused", s.recoveryPaused());
        m.put("next_cleanup_at", time(s.nextCleanupAt()));
        return m;
    }

    /**
     * An action's answer per id, as the CLI's {@code --json} reports it
     * ({@code {"done", "failed", "results": [{"id", "ok", "reason", "message"}]}}), each result with
     * its reason's arguments besides.
     */
    public static Map<String, Object> results(List<ActionResult> results) {
        long failed = results.stream().filter(r -> !r.ok()).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("done", results.size() - failed);
        m.put("failed", failed);
        m.put("results", results.stream().map(r -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", r.id());
            one.put("ok", r.ok());
            one.put("reason", r.reason().code());
            one.put("message", r.message());
            one.put("args", r.args());
            return one;
        }).toList());
        return m;
    }

    /** {@code GET /api/v1/batches}: the rows, where the next page starts ({@code null} at the end), how many match. */
    public static Map<String, Object> page(BatchPage page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batches", page.rows().stream().map(AdminJson::batch).toList());
        m.put("next_cursor", page.nextCursor());
        m.put("total", page.total());
        return m;
    }

    /**
     * One batch with its entries ({@code GET /api/v1/batches/{id}}): its metadata as {@link #batch},
     * then {@code entries}, each the Go agent's {@code LogEntry} JSON exactly as {@code export}
     * writes it (so nothing is lost: null vs empty, key spellings, exact numbers), and
     * {@code legacy_extras}, what an import kept that Batchyard does not model.
     *
     * @param entries the entries as one JSON array, written by {@code codec.gojson}
     */
    public static Map<String, Object> batch(Batch b, byte[] entries) {
        Map<String, Object> m = batch(b.meta());
        m.put("entries", new RawValue(new String(entries, StandardCharsets.UTF_8)));
        m.put("legacy_extras", b.legacyExtras());
        return m;
    }

    /** One search hit: where it is (batch id, sink, state, entry index) and the entry as the Go agent writes it. */
    public static Map<String, Object> hit(SearchHit hit, byte[] entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch_id", hit.batch().id());
        m.put("sink", hit.batch().sink());
        m.put("state", hit.batch().state().name());
        m.put("entry_index", hit.entryIndex());
        m.put("batch", batch(hit.batch())); // the hit's batch as the console's SearchHit carries it
        m.put("entry", new RawValue(new String(entry, StandardCharsets.UTF_8)));
        return m;
    }

    /** The hits of a search and how it ended ({@code limit_reached}: there may be more). */
    public static Map<String, Object> search(List<Map<String, Object>> hits, SearchSummary s) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ending", s.ending().name().toLowerCase(java.util.Locale.ROOT));
        summary.put("batches_total", s.progress().batchesTotal());
        summary.put("batches_scanned", s.progress().batchesScanned());
        summary.put("entries_scanned", s.progress().entriesScanned());
        summary.put("batches_with_hits", s.progress().batchesWithHits());
        summary.put("took", s.took().toString());
        summary.put("unreadable", s.unreadable());
        summary.put("unreadable_count", s.unreadableCount());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hits", hits);
        m.put("summary", summary);
        return m;
    }

    /**
     * A discarded batch a restore can still take back: its metadata as {@link #batch(BatchView)}
     * when it was discarded, then who discarded it, when, why, and until when it can be restored.
     */
    public static Map<String, Object> discarded(DiscardedBatch d) {
        Map<String, Object> m = batch(d.batch());
        m.put("discarded_at", time(d.discardedAt()));
        m.put("discarded_by", d.actor());
        m.put("discard_reason", d.reason());
        m.put("restorable_until", time(d.restorableUntil()));
        m.put("version_of", d.versionOf());
        return m;
    }

    /** What an action would touch ({@code dry_run}), changing nothing: {@link ActionPreview}'s fields. */
    public static Map<String, Object> preview(ActionPreview p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dry_run", true);
        m.put("batches", p.batches());
        m.put("entries", p.entries());
        m.put("bytes", p.bytes());
        Map<String, Object> perSink = new TreeMap<>();
        p.perSink().forEach((sink, share) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("batches", share.batches());
            one.put("entries", share.entries());
            one.put("bytes", share.bytes());
            perSink.put(sink, one);
        });
        m.put("per_sink", perSink);
        m.put("in_flight", p.inFlight());
        m.put("dead", p.dead());
        m.put("looped", p.looped());
        m.put("not_stored", p.notStored());
        return m;
    }

    public static Map<String, Object> cleanup(CleanupReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expired", r.expiredIds().size());
        m.put("expired_ids", r.expiredIds());
        m.put("took", duration(r.took()));
        return m;
    }

    public static String time(OffsetDateTime t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    public static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    public static String duration(Duration d) {
        return d == null ? null : d.toString();
    }
}
