package dev.batchyard.codec.smile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.batchyard.codec.gojson.GoFieldReader;
import dev.batchyard.codec.gojson.GoValueReader;
import dev.batchyard.codec.gojson.JsonShapeException;
import dev.batchyard.model.JsonValues;
import dev.batchyard.model.KeyForm;
import dev.batchyard.model.KeyForms;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.LogEntryBuilder;
import dev.batchyard.model.ProcessingStep;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads what {@link ExactEntryWriter} wrote; any other shape is a {@link JsonShapeException}. */
final class ExactEntryReader {
    private static final KeyForm.Kind[] KINDS = KeyForm.Kind.values();

    private final JsonParser p;

    ExactEntryReader(JsonParser p) {
        this.p = p;
    }

    LogEntry read() throws IOException {
        expect(JsonToken.START_OBJECT);
        LogEntryBuilder b = LogEntry.builder();
        OffsetDateTime timestamp = null;
        long processedAfter = 0;
        boolean relative = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "trace_id" -> b.traceId(string());
                case "span_id" -> b.spanId(string());
                case "parent_span_id" -> b.parentSpanId(string());
                case "timestamp" -> {
                    timestamp = time();
                    b.timestamp(timestamp);
                }
                case "duration" -> b.duration(number());
                case "processed_at" -> b.processedAt(time());
                case "processed_after" -> {
                    processedAfter = number();
                    relative = true;
                }
                case "message" -> b.message(string());
                case "level" -> b.level(string());
                case "source_type" -> b.sourceType(string());
                case "source_id" -> b.sourceId(string());
                case "tags" -> b.tags(strings());
                case "labels" -> b.labels(map(GoFieldReader.Element::string));
                case "fields" -> b.fields(map(GoFieldReader.Element::sortedAny));
                case "processing_steps" -> b.processingSteps(steps());
                case "pipeline" -> b.pipeline(string());
                case "data_classification" -> b.dataClassification(string());
                case "retention_policy" -> b.retentionPolicy(string());
                case "sanitized_fields" -> b.sanitizedFields(strings());
                case "metrics" -> b.metrics(map(GoFieldReader.Element::number));
                case "slos" -> b.slos(map(GoFieldReader.Element::number));
                case "unknown" -> b.unknown(unknown());
                case "forms" -> b.forms(forms());
                default -> throw JsonShapeException.at(p, "unknown entry component '" + name + "'");
            }
        }
        if (relative) {
            if (timestamp == null) {
                throw JsonShapeException.at(p, "processed_after without a timestamp");
            }
            b.processedAt(timestamp.plusNanos(processedAfter));
        }
        return b.build();
    }

    private List<ProcessingStep> steps() throws IOException {
        expect(JsonToken.START_ARRAY);
        List<ProcessingStep> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(p.currentToken() == JsonToken.VALUE_NULL ? null : step());
        }
        return JsonValues.adopt(out, true);
    }

    private ProcessingStep step() throws IOException {
        expect(JsonToken.START_OBJECT);
        String name = "";
        OffsetDateTime timestamp = null;
        long duration = 0;
        boolean success = false;
        String error = "";
        Map<String, Object> input = null;
        Map<String, Object> output = null;
        Map<String, Object> metadata = null;
        Map<String, Object> unknown = null;
        KeyForms forms = KeyForms.NONE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "name" -> name = string();
                case "timestamp" -> timestamp = time();
                case "duration" -> duration = number();
                case "success" -> success = p.getBooleanValue();
                case "error" -> error = string();
                case "input" -> input = map(GoFieldReader.Element::sortedAny);
                case "output" -> output = map(GoFieldReader.Element::sortedAny);
                case "metadata" -> metadata = map(GoFieldReader.Element::sortedAny);
                case "unknown" -> unknown = unknown();
                case "forms" -> forms = forms();
                default -> throw JsonShapeException.at(p, "unknown step component '" + key + "'");
            }
        }
        return new ProcessingStep(name, timestamp, duration, success, error, input, output, metadata, unknown,
                forms);
    }

    private String string() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT) {
            return GoValueReader.read(p, false) instanceof String s ? s : null;
        }
        return p.currentToken() == JsonToken.VALUE_NULL ? null : expect(JsonToken.VALUE_STRING).getText();
    }

    private long number() throws IOException {
        return expect(JsonToken.VALUE_NUMBER_INT).getLongValue();
    }

    private OffsetDateTime time() throws IOException {
        expect(JsonToken.START_ARRAY);
        p.nextToken();
        long seconds = number();
        p.nextToken();
        int nano = (int) number();
        p.nextToken();
        int offset = (int) number();
        p.nextToken();
        expect(JsonToken.END_ARRAY);
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset);
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds, nano), zone);
    }

    private List<String> strings() throws IOException {
        expect(JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(string());
        }
        return JsonValues.adopt(out, true);
    }

    private <T> Map<String, T> map(GoFieldReader.Element<T> value) throws IOException {
        return new GoFieldReader(p, new KeyForms.Collector()).map("", false, value);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> unknown() throws IOException {
        expect(JsonToken.START_OBJECT);
        return (Map<String, Object>) GoValueReader.read(p, false);
    }

    private KeyForms forms() throws IOException {
        expect(JsonToken.START_OBJECT);
        KeyForms.Collector forms = new KeyForms.Collector();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING) {
                forms.put(key, KeyForm.timeText(p.getText()));
            } else {
                int kind = (int) number();
                if (kind < 0 || kind >= KINDS.length || KINDS[kind] == KeyForm.Kind.TIME_TEXT) {
                    throw JsonShapeException.at(p, "no key form number " + kind);
                }
                forms.put(key, new KeyForm(KINDS[kind], ""));
            }
        }
        return forms.build();
    }

    private JsonParser expect(JsonToken t) {
        if (p.currentToken() != t) {
            throw JsonShapeException.at(p, "expected " + t + ", found " + p.currentToken());
        }
        return p;
    }
}
