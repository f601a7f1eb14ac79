package dev.batchyard.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Fluent construction of a {@link LogEntry}; unset strings are empty, unset maps null. */
public final class LogEntryBuilder {
    private String traceId = "";
    private String spanId = "";
    private String parentSpanId = "";
    private OffsetDateTime timestamp;
    private long duration;
    private OffsetDateTime processedAt;
    private String message = "";
    private String level = "";
    private String sourceType = "";
    private String sourceId = "";
    private List<String> tags;
    private Map<String, String> labels;
    private Map<String, Object> fields;
    private List<ProcessingStep> processingSteps;
    private String pipeline = "";
    private String dataClassification = "";
    private String retentionPolicy = "";
    private List<String> sanitizedFields;
    private Map<String, Double> metrics;
    private Map<String, Double> slos;
    private Map<String, Object> unknown;
    private KeyForms forms = KeyForms.NONE;

    LogEntryBuilder() {
    }

    LogEntryBuilder(LogEntry e) {
        traceId = e.traceId();
        spanId = e.spanId();
        parentSpanId = e.parentSpanId();
        timestamp = e.timestamp();
        duration = e.duration();
        processedAt = e.processedAt();
        message = e.message();
        level = e.level();
        sourceType = e.sourceType();
        sourceId = e.sourceId();
        tags = e.tags();
        labels = e.labels();
        fields = e.fields();
        processingSteps = e.processingSteps();
        pipeline = e.pipeline();
        dataClassification = e.dataClassification();
        retentionPolicy = e.retentionPolicy();
        sanitizedFields = e.sanitizedFields();
        metrics = e.metrics();
        slos = e.slos();
        unknown = e.unknown();
        forms = e.forms();
    }

    public LogEntryBuilder traceId(String v) { traceId = v; return this; }
    public LogEntryBuilder spanId(String v) { spanId = v; return this; }
    public LogEntryBuilder parentSpanId(String v) { parentSpanId = v; return this; }
    public LogEntryBuilder timestamp(OffsetDateTime v) { timestamp = v; return this; }
    public LogEntryBuilder duration(long v) { duration = v; return this; }
    public LogEntryBuilder processedAt(OffsetDateTime v) { processedAt = v; return this; }
    public LogEntryBuilder message(String v) { message = v; return this; }
    public LogEntryBuilder level(String v) { level = v; return this; }
    public LogEntryBuilder sourceType(String v) { sourceType = v; return this; }
    public LogEntryBuilder sourceId(String v) { sourceId = v; return this; }
    public LogEntryBuilder tags(List<String> v) { tags = v; return this; }
    public LogEntryBuilder labels(Map<String, String> v) { labels = v; return this; }
    public LogEntryBuilder fields(Map<String, Object> v) { fields = v; return this; }
    public LogEntryBuilder processingSteps(List<ProcessingStep> v) { processingSteps = v; return this; }
    public LogEntryBuilder pipeline(String v) { pipeline = v; return this; }
    public LogEntryBuilder dataClassification(String v) { dataClassification = v; return this; }
    public LogEntryBuilder retentionPolicy(String v) { retentionPolicy = v; return this; }
    public LogEntryBuilder sanitizedFields(List<String> v) { sanitizedFields = v; return this; }
    public LogEntryBuilder metrics(Map<String, Double> v) { metrics = v; return this; }
    public LogEntryBuilder slos(Map<String, Double> v) { slos = v; return this; }
    public LogEntryBuilder unknown(Map<String, Object> v) { unknown = v; return this; }
    public LogEntryBuilder forms(KeyForms v) { forms = v; return this; }

    public LogEntry build() {
        return new LogEntry(traceId, spanId, parentSpanId, timestamp, duration, processedAt, message,
                level, sourceType, sourceId, tags, labels, fields, processingSteps, pipeline,
                dataClassification, retentionPolicy, sanitizedFields, metrics, slos, unknown, forms);
    }
}
