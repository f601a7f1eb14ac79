package dev.batchyard.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One log entry, field for field the Go agent's {@code types.LogEntry}. Times keep their offset
 * and nanoseconds. {@code labels} and {@code fields} may be {@code null} (Go writes {@code null}
 * for a nil map), which is not the same as empty. Keys this version does not know are kept in
 * {@code unknown} so a round trip loses nothing.
 *
 * <p>Build with {@link #builder()}; the Go JSON codec is {@code GoJson}.
 *
 * @param duration nanoseconds (Go's {@code time.Duration}); 0 when unset
 * @param fields   any JSON: values are String, Boolean, Number, List, Map or null
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
        Map<String, Object> unknown) {

    public static LogEntryBuilder builder() {
        return new LogEntryBuilder();
    }

    public LogEntryBuilder toBuilder() {
        return new LogEntryBuilder(this);
    }
}
