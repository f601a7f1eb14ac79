package dev.batchyard.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.batchyard.codec.gojson.GoEntryReader;
import dev.batchyard.codec.gojson.GoEntryWriter;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.gojson.GoTime;
import dev.batchyard.model.LogEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link SeedBatch} as the Go agent writes it: {@code json.MarshalIndent(batch, "", "  ")}, field
 * order and omitempty as in its struct. The bench's own copy, so the comparison does not depend on
 * the legacy importer; it only has to cost what Go's encoder and loader cost. Thread-safe.
 */
final class SeedBatchJson {
    private final GoJson go = new GoJson();

    byte[] write(SeedBatch b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + b.entries().size() * 320);
        try (JsonGenerator g = go.generator(out, true)) {
            g.writeStartObject();
            g.writeStringField("id", b.id());
            g.writeFieldName("entries");
            g.writeStartArray();
            for (LogEntry e : b.entries()) {
                GoEntryWriter.write(g, e);
            }
            g.writeEndArray();
            g.writeStringField("sink_type", b.sinkType());
            g.writeStringField("created_at", GoTime.format(b.createdAt()));
            g.writeStringField("last_attempt", GoTime.format(b.lastAttempt()));
            g.writeNumberField("retry_count", b.retryCount());
            if (!b.failureReason().isEmpty()) {
                g.writeStringField("failure_reason", b.failureReason());
            }
            if (!b.context().isEmpty()) {
                g.writeFieldName("context");
                g.writeStartObject();
                for (var kv : new TreeMap<>(b.context()).entrySet()) {
                    g.writeStringField(kv.getKey(), kv.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding batch " + b.id(), e);
        }
        return out.toByteArray();
    }

    SeedBatch read(byte[] json) {
        try (JsonParser p = go.parser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a batch object");
            }
            String id = "";
            String sink = "";
            String reason = "";
            int retries = 0;
            OffsetDateTime created = GoTime.ZERO;
            OffsetDateTime last = GoTime.ZERO;
            List<LogEntry> entries = new ArrayList<>();
            Map<String, String> context = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "id" -> id = p.getText();
                    case "sink_type" -> sink = p.getText();
                    case "failure_reason" -> reason = p.getText();
                    case "retry_count" -> retries = p.getIntValue();
                    case "created_at" -> created = GoTime.parse(p.getText()).time();
                    case "last_attempt" -> last = GoTime.parse(p.getText()).time();
                    case "entries" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            entries.add(GoEntryReader.read(p));
                        }
                    }
                    case "context" -> {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            p.nextToken();
                            context.put(k, p.getText());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new SeedBatch(id, entries, sink, created, last, retries, reason, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
