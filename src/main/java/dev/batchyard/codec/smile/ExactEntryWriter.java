package dev.batchyard.codec.smile;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.batchyard.codec.LoneSurrogates;
import dev.batchyard.model.KeyForm;
import dev.batchyard.model.KeyForms;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.ProcessingStep;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link LogEntry} component for component, for the store's binary records: unlike Go's
 * JSON nothing is normalised (null strings, empty lists, null times and key forms all survive), so
 * {@link ExactEntryReader} gives back an equal record. A component equal to the builder's default
 * is left out. Times are {@code [epochSecond, nano, offsetSeconds]}, which is smaller and much
 * faster than RFC 3339 text; {@code processed_at} is usually written as {@code processed_after},
 * nanoseconds after {@code timestamp}.
 */
final class ExactEntryWriter {
    private final JsonGenerator g;

    ExactEntryWriter(JsonGenerator g) {
        this.g = g;
    }

    void write(LogEntry e) throws IOException {
        g.writeStartObject();
        string("trace_id", e.traceId());
        string("span_id", e.spanId());
        string("parent_span_id", e.parentSpanId());
        time("timestamp", e.timestamp());
        if (e.duration() != 0) {
            g.writeNumberField("duration", e.duration());
        }
        processedAt(e.timestamp(), e.processedAt());
        string("message", e.message());
        string("level", e.level());
        string("source_type", e.sourceType());
        string("source_id", e.sourceId());
        strings("tags", e.tags());
        value("labels", e.labels());
        value("fields", e.fields());
        if (e.processingSteps() != null) {
            g.writeFieldName("processing_steps");
            g.writeStartArray();
            for (ProcessingStep s : e.processingSteps()) {
                step(s);
            }
            g.writeEndArray();
        }
        string("pipeline", e.pipeline());
        string("data_classification", e.dataClassification());
        string("retention_policy", e.retentionPolicy());
        strings("sanitized_fields", e.sanitizedFields());
        value("metrics", e.metrics());
        value("slos", e.slos());
        value("unknown", e.unknown());
        forms(e.forms());
        g.writeEndObject();
    }

    private void step(ProcessingStep s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        string("name", s.name());
        time("timestamp", s.timestamp());
        if (s.duration() != 0) {
            g.writeNumberField("duration", s.duration());
        }
        if (s.success()) {
            g.writeBooleanField("success", true);
        }
        string("error", s.error());
        value("input", s.input());
        value("output", s.output());
        value("metadata", s.metadata());
        value("unknown", s.unknown());
        forms(s.forms());
        g.writeEndObject();
    }

    /**
     * Usually milliseconds after {@code timestamp} on the same offset: then only the difference in
     * nanoseconds is written (3-5 bytes instead of ~15).
     */
    private void processedAt(OffsetDateTime timestamp, OffsetDateTime processedAt) throws IOException {
        if (timestamp != null && processedAt != null && timestamp.getOffset().equals(processedAt.getOffset())) {
            long seconds = processedAt.toEpochSecond() - timestamp.toEpochSecond();
            if (Math.abs(seconds) < 1_000_000_000L) {
                g.writeNumberField("processed_after", seconds * 1_000_000_000L + processedAt.getNano() - timestamp.getNano());
                return;
            }
        }
        time("processed_at", processedAt);
    }

    private void string(String key, String v) throws IOException {
        if (v == null) {
            g.writeNullField(key);
        } else if (!v.isEmpty()) {
            g.writeFieldName(key);
            str(v);
        }
    }

    /**
     * Smile, like UTF-8, cannot hold a lone surrogate (half an emoji cut by a substring); such a
     * string goes in as its UTF-16 code units in a binary value, so it still comes back equal.
     */
    private void str(String s) throws IOException {
        if (s != null && LoneSurrogates.in(s)) {
            g.writeBinary(LoneSurrogates.toCodeUnits(s));
        } else {
            g.writeString(s);
        }
    }

    private void key(String k) throws IOException {
        if (LoneSurrogates.in(k)) {
            throw new IllegalArgumentException("a map key with a lone surrogate cannot be stored: "
                    + k.replaceAll("[\\uD800-\\uDFFF]", "\\\\u????"));
        }
        g.writeFieldName(k);
    }

    private void time(String key, OffsetDateTime t) throws IOException {
        if (t != null) {
            g.writeFieldName(key);
            g.writeStartArray();
            g.writeNumber(t.toEpochSecond());
            g.writeNumber(t.getNano());
            g.writeNumber(t.getOffset().getTotalSeconds());
            g.writeEndArray();
        }
    }

    private void strings(String key, List<String> v) throws IOException {
        if (v != null) {
            g.writeFieldName(key);
            g.writeStartArray();
            for (String s : v) {
                str(s);
            }
            g.writeEndArray();
        }
    }

    private void value(String key, Map<String, ?> v) throws IOException {
        if (v != null) {
            g.writeFieldName(key);
            exactValue(v);
        }
    }

    /**
     * Like the Go JSON codec's {@code GoValueWriter} but with the binary format's own number types:
     * nothing is lost.
     */
    private void exactValue(Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                key((String) e.getKey());
                exactValue(e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                exactValue(o);
            }
            g.writeEndArray();
        } else if (v instanceof Double d) {
            g.writeNumber(d.doubleValue());
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof Long n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof String s) {
            str(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v == null) {
            g.writeNull();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private void forms(KeyForms forms) throws IOException {
        if (forms.isEmpty()) {
            return;
        }
        g.writeFieldName("forms");
        g.writeStartObject();
        for (Map.Entry<String, KeyForm> f : forms.byKey().entrySet()) {
            if (f.getValue().kind() == KeyForm.Kind.TIME_TEXT) {
                g.writeFieldName(f.getKey());
                str(f.getValue().text());
            } else {
                g.writeNumberField(f.getKey(), f.getValue().kind().ordinal());
            }
        }
        g.writeEndObject();
    }
}
