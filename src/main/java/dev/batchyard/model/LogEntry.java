package dev.batchyard.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One log entry, field for field the Go agent's {@code types.LogEntry}. Times keep their offset
 * and nanoseconds. {@code labels} and {@code fields} may be {@code null} (Go writes {@code null}
 * for a nil map), which is not the same as empty. Keys this version does not know are kept in
 * {@code unknown} so a round trip loses nothing; {@code forms} remembers keys a non-Go file spelled
 * differently from Go (see {@link KeyForm}).
 *
 * <p>Immutable: the constructor takes normalised, unmodifiable copies of every collection (see
 * {@link JsonValues}: whole numbers in {@code fields} become {@code Long}, maps are kept in Go's key
 * order). Two entries with the same content are therefore {@code equals}.
 *
 * <p>Build with {@link #builder()}; the Go JSON codec is {@code GoJson}.
 *
 * @param duration nanoseconds (Go's {@code time.Duration}); 0 when unset
 * @param fields   any JSON: values are String, Boolean, Number, List, Map or null
 * @param unknown  keys this version does not know, in the order read; written after the known ones
 * @param forms    how a non-Go source spelled zero values and times; {@link KeyForms#NONE} normally
 */
public record LogEntry(
        String traceId,
        String spanId,
        String parentSpanId,
        OffsetDateTime timestamp,
        long duration,
        OffsetDateTime processedAt,
        String message,
        String level,
        String sourceType,
        String sourceId,
        List<String> tags,
        Map<String, String> labels,
        Map<String, Object> fields,
        List<ProcessingStep> processingSteps,
        String pipeline,
        String dataClassification,
        String retentionPolicy,
        List<String> sanitizedFields,
        Map<String, Double> metrics,
        Map<String, Double> slos,
        Map<String, Object> unknown,
        KeyForms forms) {

    public LogEntry {
        tags = JsonValues.list(tags);
        labels = JsonValues.goMap(labels);
        fields = JsonValues.goAnyMap(fields);
        processingSteps = JsonValues.list(processingSteps);
        sanitizedFields = JsonValues.list(sanitizedFields);
        metrics = JsonValues.goMap(metrics);
        slos = JsonValues.goMap(slos);
        unknown = JsonValues.orderedAnyMap(unknown);
        forms = forms == null ? KeyForms.NONE : forms;
    }

    /** The shape before {@code forms} existed; no key forms. */
    public LogEntry(String traceId, String spanId, String parentSpanId, OffsetDateTime timestamp, long duration,
            OffsetDateTime processedAt, String message, String level, String sourceType, String sourceId,
            List<String> tags, Map<String, String> labels, Map<String, Object> fields,
            List<ProcessingStep> processingSteps, String pipeline, String dataClassification,
            String retentionPolicy, List<String> sanitizedFields, Map<String, Double> metrics,
            Map<String, Double> slos, Map<String, Object> unknown) {
        this(traceId, spanId, parentSpanId, timestamp, duration, processedAt, message, level, sourceType,
                sourceId, tags, labels, fields, processingSteps, pipeline, dataClassification, retentionPolicy,
                sanitizedFields, metrics, slos, unknown, KeyForms.NONE);
    }

    public static LogEntryBuilder builder() {
        return new LogEntryBuilder();
    }

    public LogEntryBuilder toBuilder() {
        return new LogEntryBuilder(this);
    }
}
