package dev.batchyard.codec.binary;

import static dev.batchyard.codec.binary.EntryBits.*;

import dev.batchyard.model.KeyForm;
import dev.batchyard.model.KeyForms;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.ProcessingStep;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writes entries in the binary entry format, version 2 ({@link EntryBits}): a bit set of the
 * components present, then each component in a fixed order; no names. Like the Smile codec's
 * {@code ExactEntryWriter} nothing is normalised (null vs empty, key forms, lone surrogates, exact
 * numbers all survive). Times are written relative to the time before them in the batch, so a
 * batch of entries a few milliseconds apart spends a byte or two on seconds and offset. Not
 * thread-safe; one per {@code encode} call.
 */
final class BinaryEntryWriter {
    private final EntryBytesOut out;
    private long lastSeconds;
    private int lastOffset;

    BinaryEntryWriter(EntryBytesOut out) {
        this.out = out;
    }

    /**
     * Writes the entries in two passes: first every entry's bits, then every entry. Working out the
     * bits reads each entry's object, its strings' headers and its times, and the reads of one entry
     * do not wait on another's, so the CPU fetches many entries from memory at once instead of one
     * after another as the writing reaches them. A producer's entries are mostly out of the cache by
     * the time they are persisted, and those first reads were the larger part of an encode: with
     * sixteen producers the first pass took a persisted batch's producer CPU from 49-53 us to 38-39
     * in full runs of the benchmark (docs/benchmarks.md, "The encode reads before it writes").
     */
    void writeAll(List<LogEntry> entries) {
        int[] bits = new int[entries.size()];
        int i = 0;
        for (LogEntry e : entries) {
            bits[i++] = bits(e);
        }
        i = 0;
        for (LogEntry e : entries) {
            write(e, bits[i++]);
        }
    }

    private void write(LogEntry e, int bits) {
        out.varint(bits);
        if ((bits & TRACE_ID) != 0) out.string(e.traceId());
        if ((bits & SPAN_ID) != 0) out.string(e.spanId());
        if ((bits & PARENT_SPAN_ID) != 0) out.string(e.parentSpanId());
        if ((bits & TIMESTAMP) != 0) time(e.timestamp());
        if ((bits & DURATION) != 0) out.zigzag(e.duration());
        if ((bits & PROCESSED_AT) != 0) time(e.processedAt());
        if ((bits & PROCESSED_AFTER) != 0) out.zigzag(nanosAfterTimestamp(e.timestamp(), e.processedAt()));
        if ((bits & MESSAGE) != 0) out.string(e.message());
        if ((bits & LEVEL) != 0) out.string(e.level());
        if ((bits & SOURCE_TYPE) != 0) out.string(e.sourceType());
        if ((bits & SOURCE_ID) != 0) out.string(e.sourceId());
        if ((bits & TAGS) != 0) strings(e.tags());
        if ((bits & LABELS) != 0) labels(e.labels());
        if ((bits & FIELDS) != 0) object(e.fields(), 1);
        if ((bits & PROCESSING_STEPS) != 0) steps(e.processingSteps());
        if ((bits & PIPELINE) != 0) out.string(e.pipeline());
        if ((bits & DATA_CLASSIFICATION) != 0) out.string(e.dataClassification());
        if ((bits & RETENTION_POLICY) != 0) out.string(e.retentionPolicy());
        if ((bits & SANITIZED_FIELDS) != 0) strings(e.sanitizedFields());
        if ((bits & METRICS) != 0) numbers(e.metrics());
        if ((bits & SLOS) != 0) numbers(e.slos());
        if ((bits & UNKNOWN) != 0) object(e.unknown(), 1);
        if ((bits & FORMS) != 0) forms(e.forms());
    }

    private static int bits(LogEntry e) {
        int bits = 0;
        if (!"".equals(e.traceId())) bits |= TRACE_ID;
        if (!"".equals(e.spanId())) bits |= SPAN_ID;
        if (!"".equals(e.parentSpanId())) bits |= PARENT_SPAN_ID;
        if (e.timestamp() != null) bits |= TIMESTAMP;
        if (e.duration() != 0) bits |= DURATION;
        if (e.processedAt() != null) {
            bits |= relative(e.timestamp(), e.processedAt()) ? PROCESSED_AFTER : PROCESSED_AT;
        }
        if (!"".equals(e.message())) bits |= MESSAGE;
        if (!"".equals(e.level())) bits |= LEVEL;
        if (!"".equals(e.sourceType())) bits |= SOURCE_TYPE;
        if (!"".equals(e.sourceId())) bits |= SOURCE_ID;
        if (e.tags() != null) bits |= TAGS;
        if (e.labels() != null) bits |= LABELS;
        if (e.fields() != null) bits |= FIELDS;
        if (e.processingSteps() != null) bits |= PROCESSING_STEPS;
        if (!"".equals(e.pipeline())) bits |= PIPELINE;
        if (!"".equals(e.dataClassification())) bits |= DATA_CLASSIFICATION;
        if (!"".equals(e.retentionPolicy())) bits |= RETENTION_POLICY;
        if (e.sanitizedFields() != null) bits |= SANITIZED_FIELDS;
        if (e.metrics() != null) bits |= METRICS;
        if (e.slos() != null) bits |= SLOS;
        if (e.unknown() != null) bits |= UNKNOWN;
        if (!e.forms().isEmpty()) bits |= FORMS;
        return bits;
    }

    /**
     * Usually milliseconds after {@code timestamp} on the same offset: a few bytes instead of a time.
     * Times whose years are at most 30 apart are under 31 years apart, inside the bound, so nearly
     * every entry is decided without working out epoch seconds (about 8 ns each, and the writing
     * works them out again).
     */
    private static boolean relative(OffsetDateTime timestamp, OffsetDateTime processedAt) {
        if (timestamp == null || !timestamp.getOffset().equals(processedAt.getOffset())) {
            return false;
        }
        return Math.abs(processedAt.getYear() - timestamp.getYear()) <= 30
                || Math.abs(processedAt.toEpochSecond() - timestamp.toEpochSecond()) < 1_000_000_000L;
    }

    /** {@code processedAt} after {@code timestamp}, which {@link #time} has just written (its seconds kept). */
    private long nanosAfterTimestamp(OffsetDateTime timestamp, OffsetDateTime processedAt) {
        long seconds = processedAt.toEpochSecond() - lastSeconds;
        return seconds * 1_000_000_000L + processedAt.getNano() - timestamp.getNano();
    }

    private void step(ProcessingStep s) {
        if (s == null) {
            out.varint(0);
            return;
        }
        int bits = 0;
        if (!"".equals(s.name())) bits |= STEP_NAME;
        if (s.timestamp() != null) bits |= STEP_TIMESTAMP;
        if (s.duration() != 0) bits |= STEP_DURATION;
        if (s.success()) bits |= STEP_SUCCESS;
        if (!"".equals(s.error())) bits |= STEP_ERROR;
        if (s.input() != null) bits |= STEP_INPUT;
        if (s.output() != null) bits |= STEP_OUTPUT;
        if (s.metadata() != null) bits |= STEP_METADATA;
        if (s.unknown() != null) bits |= STEP_UNKNOWN;
        if (!s.forms().isEmpty()) bits |= STEP_FORMS;
        out.varint(bits + 1L);
        if ((bits & STEP_NAME) != 0) out.string(s.name());
        if ((bits & STEP_TIMESTAMP) != 0) time(s.timestamp());
        if ((bits & STEP_DURATION) != 0) out.zigzag(s.duration());
        if ((bits & STEP_ERROR) != 0) out.string(s.error());
        if ((bits & STEP_INPUT) != 0) object(s.input(), 1);
        if ((bits & STEP_OUTPUT) != 0) object(s.output(), 1);
        if ((bits & STEP_METADATA) != 0) object(s.metadata(), 1);
        if ((bits & STEP_UNKNOWN) != 0) object(s.unknown(), 1);
        if ((bits & STEP_FORMS) != 0) forms(s.forms());
    }

    private void steps(List<ProcessingStep> steps) {
        out.varint(steps.size());
        for (ProcessingStep s : steps) {
            step(s);
        }
    }

    /** Seconds and offset as differences from the time written before, nanoseconds as they are. */
    private void time(OffsetDateTime t) {
        long seconds = t.toEpochSecond();
        int offset = t.getOffset().getTotalSeconds();
        out.zigzag(seconds - lastSeconds);
        out.varint(t.getNano());
        out.zigzag(offset - lastOffset);
        lastSeconds = seconds;
        lastOffset = offset;
    }

    private void strings(List<String> list) {
        out.varint(list.size());
        for (String s : list) {
            out.string(s);
        }
    }

    private void labels(Map<String, String> map) {
        out.varint(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            key(e.getKey());
            out.string(e.getValue());
        }
    }

    /** Metrics and SLOs: a double each, or null (a JSON null in a file Go did not write). */
    private void numbers(Map<String, Double> map) {
        out.varint(map.size());
        for (Map.Entry<String, Double> e : map.entrySet()) {
            key(e.getKey());
            value(e.getValue(), 1);
        }
    }

    private void object(Map<String, ?> map, int depth) {
        out.varint(map.size());
        for (Map.Entry<String, ?> e : map.entrySet()) {
            key(e.getKey());
            value(e.getValue(), depth);
        }
    }

    private void value(Object v, int depth) {
        if (v == null) {
            out.u8(NULL);
        } else if (v instanceof String s) {
            out.u8(STRING);
            out.string(s);
        } else if (v instanceof Long n) {
            out.u8(LONG);
            out.zigzag(n);
        } else if (v instanceof Double d) {
            out.u8(DOUBLE);
            out.rawDouble(d);
        } else if (v instanceof Boolean b) {
            out.u8(b ? TRUE : FALSE);
        } else if (v instanceof Map<?, ?> m) {
            out.u8(OBJECT);
            @SuppressWarnings("unchecked")
            Map<String, ?> object = (Map<String, ?>) m;
            object(object, deeper(depth));
        } else if (v instanceof List<?> l) {
            out.u8(LIST);
            out.varint(l.size());
            int inner = deeper(depth);
            for (Object o : l) {
                value(o, inner);
            }
        } else if (v instanceof BigDecimal d) {
            out.u8(BIG_DECIMAL);
            out.zigzag(d.scale());
            out.bytes(d.unscaledValue().toByteArray());
        } else if (v instanceof BigInteger b) {
            out.u8(BIG_INTEGER);
            out.bytes(b.toByteArray());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static int deeper(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("a value nested deeper than " + MAX_DEPTH + " levels cannot be stored");
        }
        return depth + 1;
    }

    private void key(String k) {
        if (k == null) {
            throw new IllegalArgumentException("a map key cannot be null");
        }
        out.string(k);
    }

    private void forms(KeyForms forms) {
        out.varint(forms.byKey().size());
        for (Map.Entry<String, KeyForm> f : forms.byKey().entrySet()) {
            key(f.getKey());
            out.varint(f.getValue().kind().ordinal());
            if (f.getValue().kind() == KeyForm.Kind.TIME_TEXT) {
                out.string(f.getValue().text());
            }
        }
    }
}
