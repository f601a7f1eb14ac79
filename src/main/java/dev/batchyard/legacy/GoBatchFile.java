package dev.batchyard.legacy;

import dev.batchyard.model.JsonValues;
import dev.batchyard.model.KeyForms;
import dev.batchyard.model.LogEntry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code batch_<id>.json} of the Go agent: its {@code PersistedBatch}, field for field.
 * Immutable. {@code lastAttempt} is Go's zero time
 * ({@link dev.batchyard.codec.gojson.GoTime#ZERO}) when the batch was never attempted. {@code entries} is never null: a file's {@code "entries": null}
 * is an empty list with a {@link dev.batchyard.model.KeyForm#NULL} form, so it is written back as
 * it was.
 *
 * @param context   {@code null} when the file had none
 * @param unknown   batch-level keys this version does not know, in file order
 * @param forms     how the file spelled zero values and times Go would spell differently
 */
public record GoBatchFile(
        String id,
        List<LogEntry> entries,
        String sinkType,
        OffsetDateTime createdAt,
        OffsetDateTime lastAttempt,
        long retryCount,
        String failureReason,
        Map<String, String> context,
        Map<String, Object> unknown,
        KeyForms forms) {

    public GoBatchFile {
        Objects.requireNonNull(id, "id");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        sinkType = sinkType == null ? "" : sinkType;
        failureReason = failureReason == null ? "" : failureReason;
        context = JsonValues.goMap(context);
        unknown = JsonValues.orderedAnyMap(unknown);
        forms = forms == null ? KeyForms.NONE : forms;
    }

    /** A batch as the Go agent's {@code PersistBatch} creates it: never attempted, {@code created_by} set. */
    public static GoBatchFile fresh(String id, List<LogEntry> entries, String sinkType, OffsetDateTime createdAt) {
        return new GoBatchFile(id, entries, sinkType, createdAt, null, 0, "",
                Map.of("created_by", "batch_persistence"), null, KeyForms.NONE);
    }

    /** The file name the Go agent gives this batch. */
    public String fileName() {
        return GoBatchDirectory.fileNameFor(id);
    }
}
