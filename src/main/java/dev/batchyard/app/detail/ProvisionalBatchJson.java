package dev.batchyard.app.detail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.LogEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Go agent's batch-file shape, written with plain Jackson, until the model's lossless Go
 * writer ({@code GoJson}) is on main. Covers the keys the agent writes for common entries with
 * Go's key order and omit-empty rules; it does not reproduce Go's escaping or every rare key.
 */
public final class ProvisionalBatchJson implements BatchJson {
    private final JsonFactory factory = new JsonFactory(new ObjectMapper());

    @Override
    public String write(Batch batch) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            g.writeObject(shape(batch));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write batch " + batch.id() + " as JSON", e);
        }
        return out.toString();
    }

    private static Map<String, Object> shape(Batch batch) {
        BatchView meta = batch.meta();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", meta.id());
        out.put("entries", batch.entries().stream().map(ProvisionalBatchJson::entry).toList());
        out.put("sink_type", meta.sink());
        out.put("created_at", time(meta.createdAt()));
        out.put("last_attempt", meta.lastAttempt() == null ? "0001-01-01T00:00:00Z" : time(meta.lastAttempt()));
        out.put("retry_count", meta.retryCount());
        putIfNotEmpty(out, "failure_reason", meta.failureReason());
        if (!meta.context().isEmpty()) {
            out.put("context", new TreeMap<>(meta.context()));
        }
        return out;
    }

    private static Map<String, Object> entry(LogEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trace_id", e.traceId());
        out.put("span_id", e.spanId());
        putIfNotEmpty(out, "parent_span_id", e.parentSpanId());
        out.put("timestamp", time(e.timestamp()));
        if (e.duration() != 0) {
            out.put("duration", e.duration());
        }
        out.put("processed_at", time(e.processedAt()));
        out.put("message", e.message());
        out.put("level", e.level());
        out.put("source_type", e.sourceType());
        out.put("source_id", e.sourceId());
        if (e.tags() != null && !e.tags().isEmpty()) {
            out.put("tags", e.tags());
        }
        out.put("labels", e.labels() == null ? null : new TreeMap<>(e.labels()));
        out.put("fields", e.fields() == null ? null : new TreeMap<>(e.fields()));
        putIfNotEmpty(out, "pipeline", e.pipeline());
        putIfNotEmpty(out, "data_classification", e.dataClassification());
        putIfNotEmpty(out, "retention_policy", e.retentionPolicy());
        return out;
    }

    private static void putIfNotEmpty(Map<String, Object> out, String key, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(key, value);
        }
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "0001-01-01T00:00:00Z" : t.toString();
    }
}
