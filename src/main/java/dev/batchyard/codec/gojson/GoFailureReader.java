package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.EntryFailureBuilder;
import dev.batchyard.model.KeyForms;
import dev.batchyard.model.LogEntry;
import java.io.IOException;
import java.util.Map;

/**
 * Reads an {@link EntryFailure} at the parser's current {@code {}} (a Go {@code DLQEntry}), keeping
 * unknown keys and recording {@link dev.batchyard.model.KeyForm}s so that writing it back with
 * {@link GoFailureWriter} gives the same JSON value. An {@code original_entry} is read with
 * {@link GoEntryReader} and handed to the caller; it is not part of the failure. Leaves the parser
 * on the closing {@code }}.
 */
public final class GoFailureReader {
    /** The keys Go always writes for a {@code DLQEntry}, {@code original_entry} aside. */
    private static final String[] ALWAYS = {"timestamp", "error_message", "error_type", "failed_sink",
        "retry_count", "reprocess_attempts", "last_reprocess_attempt", "next_reprocess_time",
        "reprocessing_enabled", "entry_id"};

    private GoFailureReader() {
    }

    /** What a dead-letter object held: the failure and, if the object had one, its entry. */
    public record Read(EntryFailure failure, LogEntry entry) {
    }

    public static Read read(JsonParser p) throws IOException {
        GoEntryReader.requireObject(p, "a dead-letter object");
        EntryFailureBuilder b = EntryFailure.builder();
        KeyForms.Collector forms = new KeyForms.Collector();
        GoFieldReader r = new GoFieldReader(p, forms);
        LogEntry entry = null;
        Map<String, Object> unknown = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "timestamp" -> { b.at(r.time(name)); seen |= 1; }
                case "original_entry" -> entry = GoEntryReader.read(p);
                case "error_message" -> { b.message(r.string(name, false)); seen |= 2; }
                case "error_type" -> { b.errorType(r.string(name, false)); seen |= 4; }
                case "failed_sink" -> { b.sink(r.string(name, false)); seen |= 8; }
                case "retry_count" -> { b.retryCount(r.integer(name, false)); seen |= 16; }
                case "context" -> b.context(r.map(name, true, GoFieldReader.Element::string));
                case "stack_trace" -> b.stackTrace(r.string(name, true));
                case "reprocess_attempts" -> { b.reprocessAttempts(r.integer(name, false)); seen |= 32; }
                case "last_reprocess_attempt" -> { b.lastReprocessAttempt(r.time(name)); seen |= 64; }
                case "next_reprocess_time" -> { b.nextReprocessTime(r.time(name)); seen |= 128; }
                case "reprocessing_enabled" -> { b.reprocessingEnabled(r.bool(name)); seen |= 256; }
                case "entry_id" -> { b.entryId(r.string(name, false)); seen |= 512; }
                default -> unknown = GoEntryReader.putUnknown(unknown, name, p);
            }
        }
        for (int i = 0; i < ALWAYS.length; i++) {
            if ((seen & (1 << i)) == 0) {
                r.absent(ALWAYS[i]);
            }
        }
        return new Read(b.unknown(unknown).forms(forms.build()).build(), entry);
    }
}
