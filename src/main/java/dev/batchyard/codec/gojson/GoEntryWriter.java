package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.ProcessingStep;
import java.io.IOException;

/**
 * Writes a {@link LogEntry} and its {@link ProcessingStep}s as Go's {@code encoding/json} writes
 * the agent's {@code types.LogEntry}: struct field order, {@code omitempty} where the Go tags have
 * it, then any unknown keys in the order they were read.
 */
public final class GoEntryWriter {
    private GoEntryWriter() {
    }

    public static void write(JsonGenerator g, LogEntry e) throws IOException {
        g.writeStartObject();
        GoFieldWriter w = new GoFieldWriter(g, e.forms());
        w.string("trace_id", e.traceId(), false);
        w.string("span_id", e.spanId(), false);
        w.string("parent_span_id", e.parentSpanId(), true);
        w.time("timestamp", e.timestamp());
        w.integer("duration", e.duration(), true);
        w.time("processed_at", e.processedAt());
        w.string("message", e.message(), false);
        w.string("level", e.level(), false);
        w.string("source_type", e.sourceType(), false);
        w.string("source_id", e.sourceId(), false);
        w.list("tags", e.tags(), true, JsonGenerator::writeString);
        w.map("labels", e.labels(), false);
        w.map("fields", e.fields(), false);
        w.list("processing_steps", e.processingSteps(), true, GoEntryWriter::writeStep);
        w.string("pipeline", e.pipeline(), true);
        w.string("data_classification", e.dataClassification(), true);
        w.string("retention_policy", e.retentionPolicy(), true);
        w.list("sanitized_fields", e.sanitizedFields(), true, JsonGenerator::writeString);
        w.map("metrics", e.metrics(), true);
        w.map("slos", e.slos(), true);
        w.unknown(e.unknown());
        g.writeEndObject();
    }

    public static void writeStep(JsonGenerator g, ProcessingStep s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        GoFieldWriter w = new GoFieldWriter(g, s.forms());
        w.string("name", s.name(), false);
        w.time("timestamp", s.timestamp());
        w.integer("duration", s.duration(), false);
        w.bool("success", s.success());
        w.string("error", s.error(), true);
        w.map("input", s.input(), true);
        w.map("output", s.output(), true);
        w.map("metadata", s.metadata(), true);
        w.unknown(s.unknown());
        g.writeEndObject();
    }
}
