package dev.batchyard.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.model.GoEntryReader;
import dev.batchyard.model.GoFieldReader;
import dev.batchyard.model.GoJson;
import dev.batchyard.model.GoTime;
import dev.batchyard.model.JsonShapeException;
import dev.batchyard.model.KeyForms;
import dev.batchyard.model.LogEntry;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the Go agent's {@code PersistedBatch} JSON; the entries go through the model's lossless
 * reader. Interim: {@code dev.batchyard.legacy} takes this job over once it is on main.
 *
 * @see GoBatchWriter the inverse
 */
final class GoBatchReader {
    private final GoJson goJson;

    GoBatchReader(GoJson goJson) {
        this.goJson = goJson;
    }

    /**
     * @throws IOException         when the bytes are not JSON (Jackson's exception: EOF when cut short)
     * @throws JsonShapeException  when the JSON is not a batch
     */
    GoBatch read(byte[] json) throws IOException {
        try (JsonParser p = goJson.parser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw JsonShapeException.at(p, "expected a batch object");
            }
            GoFieldReader r = new GoFieldReader(p, new KeyForms.Collector());
            String id = null;
            String sink = null;
            List<LogEntry> entries = null;
            OffsetDateTime created = null;
            OffsetDateTime lastAttempt = null;
            long retries = 0;
            String reason = "";
            Map<String, String> context = null;
            List<String> unkept = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "id" -> id = r.string(name, false);
                    case "entries" -> entries = r.list(name, false, GoEntryReader::read);
                    case "sink_type" -> sink = r.string(name, false);
                    case "created_at" -> created = r.time(name);
                    case "last_attempt" -> lastAttempt = r.time(name);
                    case "retry_count" -> retries = r.integer(name, false);
                    case "failure_reason" -> reason = r.string(name, true);
                    case "context" -> context = r.map(name, true, GoFieldReader.Element::string);
                    default -> {
                        unkept.add(name);
                        p.skipChildren();
                    }
                }
            }
            if (p.nextToken() != null) {
                throw JsonShapeException.at(p, "unexpected data after the batch");
            }
            require(id != null && !id.isEmpty(), "id");
            require(sink != null && !sink.isEmpty(), "sink_type");
            require(entries != null, "entries");
            require(retries >= 0 && retries <= Integer.MAX_VALUE, "retry_count");
            OffsetDateTime attempted = lastAttempt == null || lastAttempt.isEqual(GoTime.ZERO) ? null : lastAttempt;
            return new GoBatch(new NewBatch(id, entries, sink, created, attempted, (int) retries, reason, context),
                    unkept);
        }
    }

    private static void require(boolean ok, String key) {
        if (!ok) {
            throw new JsonShapeException("/" + key, "missing or invalid; a Go batch always has it");
        }
    }
}
