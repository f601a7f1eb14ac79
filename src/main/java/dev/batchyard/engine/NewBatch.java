package dev.batchyard.engine;

import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * A batch to persist with the history it already has: what {@code import-go} brings from the Go
 * agent's files. {@link BatchPersistence#persistBatch(String, List, String)} is the common case.
 *
 * @param createdAt   keep the original creation time and offset; {@code null} means now
 * @param lastAttempt {@code null} when never attempted
 * @param legacyExtras what an importer kept that Batchyard does not model (e.g. a Go file's unknown
 *                    batch-level keys), opaque to the engine and given back with {@link Batch}
 * @param failures    why single entries failed, by their index in {@code entries} (e.g. each entry of
 *                    a Go dead-letter file); most batches have none. Kept with the entries and given
 *                    back with {@link Batch}
 */
public record NewBatch(
        String id,
        List<LogEntry> entries,
        String sink,
        OffsetDateTime createdAt,
        OffsetDateTime lastAttempt,
        int retryCount,
        String failureReason,
        Map<String, String> context,
        String legacyExtras,
        SortedMap<Integer, EntryFailure> failures) {

    public NewBatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(sink, "sink");
        entries = List.copyOf(entries);
        failureReason = failureReason == null ? "" : failureReason;
        context = context == null ? Map.of() : Map.copyOf(context);
        legacyExtras = legacyExtras == null ? "" : legacyExtras;
        failures = EntryFailures.copyOf(failures, entries.size(), id);
        if (retryCount < 0) {
            throw new IllegalArgumentException("retry_count must be >= 0, was " + retryCount);
        }
    }

    /** A batch with no per-entry failures. */
    public NewBatch(String id, List<LogEntry> entries, String sink, OffsetDateTime createdAt, OffsetDateTime lastAttempt,
                    int retryCount, String failureReason, Map<String, String> context, String legacyExtras) {
        this(id, entries, sink, createdAt, lastAttempt, retryCount, failureReason, context, legacyExtras, null);
    }

    /** A batch with nothing beyond what Batchyard models. */
    public NewBatch(String id, List<LogEntry> entries, String sink, OffsetDateTime createdAt, OffsetDateTime lastAttempt,
                    int retryCount, String failureReason, Map<String, String> context) {
        this(id, entries, sink, createdAt, lastAttempt, retryCount, failureReason, context, "", null);
    }

    /** A fresh batch, as the Go agent's {@code PersistBatch} makes it. */
    public static NewBatch of(String id, List<LogEntry> entries, String sink) {
        return new NewBatch(id, entries, sink, null, null, 0, "",
                Map.of("created_by", "batch_persistence"));
    }
}
