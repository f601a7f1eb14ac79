package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import java.io.IOException;

/**
 * Writes an {@link EntryFailure} as Go's {@code encoding/json} writes the agent's {@code DLQEntry}:
 * struct field order, {@code omitempty} on {@code context} and {@code stack_trace} only (the times
 * are structs, which Go always writes), then any unknown keys in the order they were read. The
 * entry itself ({@code original_entry}, the second field) is written only when one is given: the
 * store keeps a failure beside its entry, a {@code dlq_*.log} line has it inside.
 */
public final class GoFailureWriter {
    private GoFailureWriter() {
    }

    /** @param entry the {@code original_entry}, or {@code null} to leave the key out */
    public static void write(JsonGenerator g, EntryFailure f, LogEntry entry) throws IOException {
        g.writeStartObject();
        GoFieldWriter w = new GoFieldWriter(g, f.forms());
        w.time("timestamp", f.at());
        if (entry != null) {
            g.writeFieldName("original_entry");
            GoEntryWriter.write(g, entry);
        }
        w.string("error_message", f.message(), false);
        w.string("error_type", f.errorType(), false);
        w.string("failed_sink", f.sink(), false);
        w.integer("retry_count", f.retryCount(), false);
        w.map("context", f.context(), true);
        w.string("stack_trace", f.stackTrace(), true);
        w.integer("reprocess_attempts", f.reprocessAttempts(), false);
        w.time("last_reprocess_attempt", f.lastReprocessAttempt());
        w.time("next_reprocess_time", f.nextReprocessTime());
        w.bool("reprocessing_enabled", f.reprocessingEnabled());
        w.string("entry_id", f.entryId(), false);
        w.unknown(f.unknown());
        g.writeEndObject();
    }
}
