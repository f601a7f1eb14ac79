package dev.batchyard.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.ProcessingStep;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON the sinks put on the wire for one entry: the Go agent's {@code LogEntry} shape
 * (snake_case keys, Go's omitempty rules, RFC 3339 times with their offset).
 *
 * <p>Interim: the model's {@code GoJson} codec is being written on another branch; once it lands,
 * {@link #tree(LogEntry)} delegates to it and the rest of this class goes. Every sink serializes
 * through here, so that swap is one line. Thread-safe.
 */
public final class EntryJson {
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final ObjectMapper mapper = new ObjectMapper();

    public ObjectNode tree(LogEntry e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("trace_id", e.traceId());
        n.put("span_id", e.spanId());
        putIfNotEmpty(n, "parent_span_id", e.parentSpanId());
        putTime(n, "timestamp", e.timestamp());
        if (e.duration() != 0) {
            n.put("duration", e.duration());
        }
        putTime(n, "processed_at", e.processedAt());
        n.put("message", e.message());
        n.put("level", e.level());
        n.put("source_type", e.sourceType());
        n.put("source_id", e.sourceId());
        putIfNotEmpty(n, "tags", e.tags());
        n.set("labels", e.labels() == null ? n.nullNode() : mapper.valueToTree(new TreeMap<>(e.labels())));
        n.set("fields", e.fields() == null ? n.nullNode() : mapper.valueToTree(new TreeMap<>(e.fields())));
        if (e.processingSteps() != null && !e.processingSteps().isEmpty()) {
            e.processingSteps().forEach(step -> n.withArray("processing_steps").add(step(step)));
        }
        putIfNotEmpty(n, "pipeline", e.pipeline());
        putIfNotEmpty(n, "data_classification", e.dataClassification());
        putIfNotEmpty(n, "retention_policy", e.retentionPolicy());
        putIfNotEmpty(n, "sanitized_fields", e.sanitizedFields());
        putIfNotEmpty(n, "metrics", e.metrics());
        putIfNotEmpty(n, "slos", e.slos());
        if (e.unknown() != null) {
            e.unknown().forEach((k, v) -> n.set(k, mapper.valueToTree(v)));
        }
        return n;
    }

    /** One compact line of JSON, without a line break. */
    public String line(LogEntry e) {
        return write(tree(e));
    }

    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private ObjectNode step(ProcessingStep s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("name", s.name());
        putTime(n, "timestamp", s.timestamp());
        n.put("duration", s.duration());
        n.put("success", s.success());
        putIfNotEmpty(n, "error", s.error());
        putIfNotEmpty(n, "input", s.input());
        putIfNotEmpty(n, "output", s.output());
        putIfNotEmpty(n, "metadata", s.metadata());
        return n;
    }

    private static void putTime(ObjectNode n, String key, OffsetDateTime t) {
        n.put(key, t == null ? "0001-01-01T00:00:00Z" : RFC3339.format(t));
    }

    private static void putIfNotEmpty(ObjectNode n, String key, String v) {
        if (v != null && !v.isEmpty()) {
            n.put(key, v);
        }
    }

    private void putIfNotEmpty(ObjectNode n, String key, Collection<?> v) {
        if (v != null && !v.isEmpty()) {
            n.set(key, mapper.valueToTree(v));
        }
    }

    private void putIfNotEmpty(ObjectNode n, String key, Map<String, ?> v) {
        if (v != null && !v.isEmpty()) {
            n.set(key, mapper.valueToTree(new TreeMap<>(v)));
        }
    }
}
