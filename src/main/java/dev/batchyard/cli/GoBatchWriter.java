package dev.batchyard.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.GoEntryWriter;
import dev.batchyard.model.GoJson;
import dev.batchyard.model.GoTime;
import dev.batchyard.model.LogEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeMap;

/**
 * Writes a stored batch as the Go agent's {@code PersistedBatch}, byte for byte as Go's
 * {@code json.MarshalIndent(batch, "", "  ")}: struct field order, {@code omitempty} on
 * {@code failure_reason} and {@code context}, map keys sorted, the zero time for "never attempted".
 * Interim: {@code dev.batchyard.legacy} takes this job over once it is on main.
 */
final class GoBatchWriter {
    private final GoJson goJson;

    GoBatchWriter(GoJson goJson) {
        this.goJson = goJson;
    }

    byte[] write(Batch batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        BatchView m = batch.meta();
        try (JsonGenerator g = goJson.generator(out, true)) {
            g.writeStartObject();
            g.writeStringField("id", m.id());
            g.writeArrayFieldStart("entries");
            for (LogEntry e : batch.entries()) {
                GoEntryWriter.write(g, e);
            }
            g.writeEndArray();
            g.writeStringField("sink_type", m.sink());
            g.writeStringField("created_at", GoTime.format(m.createdAt()));
            g.writeStringField("last_attempt", GoTime.format(m.lastAttempt()));
            g.writeNumberField("retry_count", m.retryCount());
            if (!m.failureReason().isEmpty()) {
                g.writeStringField("failure_reason", m.failureReason());
            }
            if (!m.context().isEmpty()) {
                g.writeObjectFieldStart("context");
                for (var e : new TreeMap<>(m.context()).entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing batch '" + m.id() + "' as Go JSON", e);
        }
        return out.toByteArray();
    }
}
