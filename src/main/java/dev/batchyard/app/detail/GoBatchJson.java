package dev.batchyard.app.detail;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.codec.gojson.GoEntryWriter;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.gojson.GoTime;
import dev.batchyard.model.LogEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch as the Go agent's {@code json.MarshalIndent(batch, "", "  ")} writes its
 * {@code PersistedBatch}: keys in the struct's order, {@code failure_reason} and {@code context}
 * omitted when empty, the zero time for a batch never attempted, entries through the model's
 * lossless {@link GoEntryWriter}.
 */
public final class GoBatchJson implements BatchJson {
    private final GoJson goJson;

    public GoBatchJson(GoJson goJson) {
        this.goJson = goJson;
    }

    @Override
    public String write(Batch batch) {
        BatchView meta = batch.meta();
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = goJson.generator(out, true)) {
            g.writeStartObject();
            g.writeStringField("id", meta.id());
            g.writeArrayFieldStart("entries");
            for (LogEntry entry : batch.entries()) {
                GoEntryWriter.write(g, entry);
            }
            g.writeEndArray();
            g.writeStringField("sink_type", meta.sink());
            g.writeStringField("created_at", GoTime.format(meta.createdAt()));
            g.writeStringField("last_attempt", GoTime.format(meta.lastAttempt() == null ? GoTime.ZERO : meta.lastAttempt()));
            g.writeNumberField("retry_count", meta.retryCount());
            if (!meta.failureReason().isEmpty()) {
                g.writeStringField("failure_reason", meta.failureReason());
            }
            if (!meta.context().isEmpty()) {
                g.writeObjectFieldStart("context");
                for (Map.Entry<String, String> e : new TreeMap<>(meta.context()).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write batch " + meta.id() + " as Go JSON", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
