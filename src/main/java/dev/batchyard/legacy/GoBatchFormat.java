package dev.batchyard.legacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.batchyard.codec.gojson.GoEntryReader;
import dev.batchyard.codec.gojson.GoEntryWriter;
import dev.batchyard.codec.gojson.GoFieldReader;
import dev.batchyard.codec.gojson.GoFieldWriter;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.gojson.JsonShapeException;
import dev.batchyard.model.KeyForm;
import dev.batchyard.model.KeyForms;
import dev.batchyard.model.LogEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bytes of a {@code batch_<id>.json}: {@code json.MarshalIndent(batch, "", "  ")} of the Go
 * agent's {@code PersistedBatch}, no trailing newline. Reading then writing a file Go wrote gives
 * the same bytes; any other file gives the same JSON value. Thread-safe.
 */
public final class GoBatchFormat {
    private final GoJson json;

    public GoBatchFormat(GoJson json) {
        this.json = json;
    }

    public byte[] write(GoBatchFile b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + b.entries().size() * 512);
        try (JsonGenerator g = json.generator(out, true)) {
            g.writeStartObject();
            GoFieldWriter w = new GoFieldWriter(g, b.forms());
            w.string("id", b.id(), false);
            writeEntries(g, b);
            w.string("sink_type", b.sinkType(), false);
            w.time("created_at", b.createdAt());
            w.time("last_attempt", b.lastAttempt());
            w.integer("retry_count", b.retryCount(), false);
            w.string("failure_reason", b.failureReason(), true);
            w.map("context", b.context(), true);
            w.unknown(b.unknown());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing batch " + b.id(), e);
        }
        return out.toByteArray();
    }

    private static void writeEntries(JsonGenerator g, GoBatchFile b) throws IOException {
        KeyForm f = b.entries().isEmpty() ? b.forms().get("entries") : null;
        if (f != null && f.kind() == KeyForm.Kind.ABSENT) {
            return;
        }
        g.writeFieldName("entries");
        if (f != null && f.kind() == KeyForm.Kind.NULL) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (LogEntry e : b.entries()) {
            GoEntryWriter.write(g, e);
        }
        g.writeEndArray();
    }

    /**
     * @throws JsonShapeException when the JSON is not a batch
     * @throws IOException        (Jackson's) when it is not JSON or ends early
     */
    public GoBatchFile read(byte[] bytes) throws IOException {
        try (JsonParser p = json.parser(bytes)) {
            p.nextToken();
            GoBatchFile b = read(p);
            if (p.nextToken() != null) {
                throw JsonShapeException.at(p, "unexpected data after the batch object");
            }
            return b;
        }
    }

    private static GoBatchFile read(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw JsonShapeException.at(p, "expected a batch object");
        }
        KeyForms.Collector forms = new KeyForms.Collector();
        GoFieldReader r = new GoFieldReader(p, forms);
        String id = "";
        List<LogEntry> entries = List.of();
        String sinkType = "";
        OffsetDateTime createdAt = null;
        OffsetDateTime lastAttempt = null;
        long retryCount = 0;
        String failureReason = "";
        Map<String, String> context = null;
        Map<String, Object> unknown = null;
        List<String> missing = new ArrayList<>(List.of("id", "entries", "sink_type", "created_at",
                "last_attempt", "retry_count"));
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            missing.remove(name);
            switch (name) {
                case "id" -> id = r.string(name, false);
                case "entries" -> entries = entries(p, forms);
                case "sink_type" -> sinkType = r.string(name, false);
                case "created_at" -> createdAt = r.time(name);
                case "last_attempt" -> lastAttempt = r.time(name);
                case "retry_count" -> retryCount = r.integer(name, false);
                case "failure_reason" -> failureReason = r.string(name, true);
                case "context" -> context = r.map(name, true, GoFieldReader.Element::string);
                default -> unknown = GoEntryReader.putUnknown(unknown, name, p);
            }
        }
        for (String key : missing) {
            r.absent(key);
        }
        return new GoBatchFile(id, entries, sinkType, createdAt, lastAttempt, retryCount, failureReason, context,
                unknown, forms.build());
    }

    private static List<LogEntry> entries(JsonParser p, KeyForms.Collector forms) throws IOException {
        forms.remove("entries");
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            forms.put("entries", KeyForm.NULL);
            return List.of();
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw JsonShapeException.at(p, "expected an array of log entries");
        }
        List<LogEntry> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(GoEntryReader.read(p));
        }
        return out;
    }
}
