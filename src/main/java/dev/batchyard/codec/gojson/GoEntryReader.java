package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.batchyard.model.KeyForm;
import dev.batchyard.model.KeyForms;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.LogEntryBuilder;
import dev.batchyard.model.ProcessingStep;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@link LogEntry} (or a {@link ProcessingStep}) at the parser's current {@code {}},
 * keeping unknown keys and recording {@link KeyForm}s so that writing it back gives the same JSON
 * value. Leaves the parser on the entry's closing {@code }}.
 */
public final class GoEntryReader {
    private GoEntryReader() {
    }

    public static LogEntry read(JsonParser p) throws IOException {
        requireObject(p, "a log entry object");
        LogEntryBuilder b = LogEntry.builder();
        KeyForms.Collector forms = new KeyForms.Collector();
        GoFieldReader r = new GoFieldReader(p, forms);
        Map<String, Object> unknown = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "trace_id" -> { b.traceId(r.string(name, false)); seen |= 1; }
                case "span_id" -> { b.spanId(r.string(name, false)); seen |= 2; }
                case "parent_span_id" -> b.parentSpanId(r.string(name, true));
                case "timestamp" -> { b.timestamp(r.time(name)); seen |= 4; }
                case "duration" -> b.duration(r.integer(name, true));
                case "processed_at" -> { b.processedAt(r.time(name)); seen |= 8; }
                case "message" -> { b.message(r.string(name, false)); seen |= 16; }
                case "level" -> { b.level(r.string(name, false)); seen |= 32; }
                case "source_type" -> { b.sourceType(r.string(name, false)); seen |= 64; }
                case "source_id" -> { b.sourceId(r.string(name, false)); seen |= 128; }
                case "tags" -> b.tags(r.list(name, true, GoFieldReader.Element::string));
                case "labels" -> { b.labels(r.map(name, false, GoFieldReader.Element::string)); seen |= 256; }
                case "fields" -> { b.fields(r.map(name, false, GoFieldReader.Element::sortedAny)); seen |= 512; }
                case "processing_steps" -> b.processingSteps(r.list(name, true, GoEntryReader::readStep));
                case "pipeline" -> b.pipeline(r.string(name, true));
                case "data_classification" -> b.dataClassification(r.string(name, true));
                case "retention_policy" -> b.retentionPolicy(r.string(name, true));
                case "sanitized_fields" -> b.sanitizedFields(r.list(name, true, GoFieldReader.Element::string));
                case "metrics" -> b.metrics(r.map(name, true, GoFieldReader.Element::number));
                case "slos" -> b.slos(r.map(name, true, GoFieldReader.Element::number));
                default -> unknown = putUnknown(unknown, name, p);
            }
        }
        if (seen != 1023) {
            String[] always = {"trace_id", "span_id", "timestamp", "processed_at", "message", "level",
                "source_type", "source_id", "labels", "fields"};
            for (int i = 0; i < always.length; i++) {
                if ((seen & (1 << i)) == 0) {
                    r.absent(always[i]);
                }
            }
        }
        return b.unknown(unknown).forms(forms.build()).build();
    }

    public static ProcessingStep readStep(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireObject(p, "a processing step object");
        KeyForms.Collector forms = new KeyForms.Collector();
        GoFieldReader r = new GoFieldReader(p, forms);
        String name = "";
        java.time.OffsetDateTime timestamp = null;
        long duration = 0;
        boolean success = false;
        String error = "";
        Map<String, Object> input = null;
        Map<String, Object> output = null;
        Map<String, Object> metadata = null;
        Map<String, Object> unknown = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "name" -> { name = r.string(key, false); seen |= 1; }
                case "timestamp" -> { timestamp = r.time(key); seen |= 2; }
                case "duration" -> { duration = r.integer(key, false); seen |= 4; }
                case "success" -> { success = r.bool(key); seen |= 8; }
                case "error" -> error = r.string(key, true);
                case "input" -> input = r.map(key, true, GoFieldReader.Element::sortedAny);
                case "output" -> output = r.map(key, true, GoFieldReader.Element::sortedAny);
                case "metadata" -> metadata = r.map(key, true, GoFieldReader.Element::sortedAny);
                default -> unknown = putUnknown(unknown, key, p);
            }
        }
        String[] always = {"name", "timestamp", "duration", "success"};
        for (int i = 0; i < always.length; i++) {
            if ((seen & (1 << i)) == 0) {
                r.absent(always[i]);
            }
        }
        return new ProcessingStep(name, timestamp, duration, success, error, input, output, metadata, unknown,
                forms.build());
    }

    /** Keeps a key this version does not know, with its value as read. */
    public static Map<String, Object> putUnknown(Map<String, Object> unknown, String name, JsonParser p)
            throws IOException {
        Map<String, Object> m = unknown == null ? new LinkedHashMap<>() : unknown;
        m.put(name, GoValueReader.read(p, false));
        return m;
    }

    static void requireObject(JsonParser p, String what) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw JsonShapeException.at(p, "expected " + what + ", found " + GoFieldReader.describe(p.currentToken()));
        }
    }
}
