package dev.batchyard.codec.binary;

import static dev.batchyard.codec.binary.EntryBits.*;

import dev.batchyard.model.GoKeyOrder;
import dev.batchyard.model.JsonValues;
import dev.batchyard.model.KeyForm;
import dev.batchyard.model.KeyForms;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.LogEntryBuilder;
import dev.batchyard.model.ProcessingStep;
import dev.batchyard.time.EpochTime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link BinaryEntryWriter} wrote. Maps Go keeps sorted are rebuilt in
 * {@link GoKeyOrder}, objects of unknown shape in the order written; either way the values come
 * back normalised, so the entry is equal to the one written. Anything else fails with an
 * {@link IllegalArgumentException} that names the offset.
 */
final class BinaryEntryReader {
    private static final KeyForm.Kind[] KINDS = KeyForm.Kind.values();

    private final EntryBytesIn in;
    private long lastSeconds;
    private int lastOffset;

    BinaryEntryReader(EntryBytesIn in) {
        this.in = in;
    }

    LogEntry read() {
        int bits = bits(ALL_ENTRY, 0, "entry");
        if ((bits & PROCESSED_AFTER) != 0 && ((bits & PROCESSED_AT) != 0 || (bits & TIMESTAMP) == 0)) {
            throw in.fail("processed_after without a timestamp, or with processed_at");
        }
        LogEntryBuilder b = LogEntry.builder();
        if ((bits & TRACE_ID) != 0) b.traceId(in.string());
        if ((bits & SPAN_ID) != 0) b.spanId(in.string());
        if ((bits & PARENT_SPAN_ID) != 0) b.parentSpanId(in.string());
        OffsetDateTime timestamp = (bits & TIMESTAMP) != 0 ? time() : null;
        b.timestamp(timestamp);
        if ((bits & DURATION) != 0) b.duration(in.zigzag());
        if ((bits & PROCESSED_AT) != 0) b.processedAt(time());
        if ((bits & PROCESSED_AFTER) != 0) b.processedAt(timestamp.plusNanos(in.zigzag()));
        if ((bits & MESSAGE) != 0) b.message(in.string());
        if ((bits & LEVEL) != 0) b.level(in.string());
        if ((bits & SOURCE_TYPE) != 0) b.sourceType(in.string());
        if ((bits & SOURCE_ID) != 0) b.sourceId(in.string());
        if ((bits & TAGS) != 0) b.tags(strings());
        if ((bits & LABELS) != 0) b.labels(labels());
        if ((bits & FIELDS) != 0) b.fields(object(true, 1));
        if ((bits & PROCESSING_STEPS) != 0) b.processingSteps(steps());
        if ((bits & PIPELINE) != 0) b.pipeline(in.string());
        if ((bits & DATA_CLASSIFICATION) != 0) b.dataClassification(in.string());
        if ((bits & RETENTION_POLICY) != 0) b.retentionPolicy(in.string());
        if ((bits & SANITIZED_FIELDS) != 0) b.sanitizedFields(strings());
        if ((bits & METRICS) != 0) b.metrics(numbers());
        if ((bits & SLOS) != 0) b.slos(numbers());
        if ((bits & UNKNOWN) != 0) b.unknown(object(false, 1));
        if ((bits & FORMS) != 0) b.forms(forms());
        return b.build();
    }

    private int bits(int known, int plus, String what) {
        int at = in.position();
        long bits = in.varint() - plus;
        if ((bits & ~(long) known) != 0) {
            throw in.failAt(at, "unknown " + what + " components 0x" + Long.toHexString(bits & ~(long) known));
        }
        return (int) bits;
    }

    private List<ProcessingStep> steps() {
        int n = in.count(1);
        List<ProcessingStep> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(step());
        }
        return JsonValues.adopt(out, true);
    }

    private ProcessingStep step() {
        if (in.skipZero()) {
            return null;
        }
        int bits = bits(ALL_STEP, 1, "step");
        String name = (bits & STEP_NAME) != 0 ? in.string() : "";
        OffsetDateTime timestamp = (bits & STEP_TIMESTAMP) != 0 ? time() : null;
        long duration = (bits & STEP_DURATION) != 0 ? in.zigzag() : 0;
        String error = (bits & STEP_ERROR) != 0 ? in.string() : "";
        Map<String, Object> input = (bits & STEP_INPUT) != 0 ? object(true, 1) : null;
        Map<String, Object> output = (bits & STEP_OUTPUT) != 0 ? object(true, 1) : null;
        Map<String, Object> metadata = (bits & STEP_METADATA) != 0 ? object(true, 1) : null;
        Map<String, Object> unknown = (bits & STEP_UNKNOWN) != 0 ? object(false, 1) : null;
        KeyForms forms = (bits & STEP_FORMS) != 0 ? forms() : KeyForms.NONE;
        return new ProcessingStep(name, timestamp, duration, (bits & STEP_SUCCESS) != 0, error, input, output,
                metadata, unknown, forms);
    }

    private OffsetDateTime time() {
        int at = in.position();
        long seconds = lastSeconds + in.zigzag();
        long nano = in.varint();
        long offset = lastOffset + in.zigzag();
        if (nano >= 1_000_000_000L || Math.abs(offset) > 18 * 3600) {
            throw in.failAt(at, "an impossible time (" + nano + " ns, offset " + offset + " s)");
        }
        lastSeconds = seconds;
        lastOffset = (int) offset;
        return EpochTime.of(seconds, (int) nano, lastOffset);
    }

    private List<String> strings() {
        int n = in.count(1);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.string());
        }
        return JsonValues.adopt(out, true);
    }

    private Map<String, String> labels() {
        int n = in.count(2);
        String[] keys = new String[n];
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key();
            values[i] = in.string();
        }
        return JsonValues.adoptSorted(keys, values, n);
    }

    private Map<String, Double> numbers() {
        int n = in.count(2);
        String[] keys = new String[n];
        Double[] values = new Double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key();
            int at = in.position();
            Object v = value(true, 1);
            if (v != null && !(v instanceof Double)) {
                throw in.failAt(at, "a metric that is not a number");
            }
            values[i] = (Double) v;
        }
        return JsonValues.adoptSorted(keys, values, n);
    }

    /** @param sorted whether Go holds it as a map (sorted keys) rather than an object of unknown shape */
    private Map<String, Object> object(boolean sorted, int depth) {
        int n = in.count(2);
        if (sorted) { // written in Go's key order: kept as read, no tree
            String[] keys = new String[n];
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                keys[i] = key();
                values[i] = value(true, depth);
            }
            return JsonValues.adoptSorted(keys, values, n);
        }
        Map<String, Object> out = new LinkedHashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            out.put(key(), value(false, depth));
        }
        return JsonValues.adopt(out, false);
    }

    private Object value(boolean sorted, int depth) {
        int at = in.position();
        int tag = in.u8();
        switch (tag) {
            case NULL: return null;
            case FALSE: return Boolean.FALSE;
            case TRUE: return Boolean.TRUE;
            case LONG: return in.zigzag();
            case DOUBLE: return in.rawDouble();
            case STRING: return in.string();
            case OBJECT: return object(sorted, deeper(depth, at));
            case LIST: return list(sorted, deeper(depth, at));
            case BIG_INTEGER: return JsonValues.value(new BigInteger(nonEmpty(in.bytes(), at)), sorted);
            case BIG_DECIMAL:
                long scale = in.zigzag();
                if (scale != (int) scale) {
                    throw in.failAt(at, "a decimal scale of " + scale);
                }
                return new BigDecimal(new BigInteger(nonEmpty(in.bytes(), at)), (int) scale);
            default: throw in.failAt(at, "no value tag " + tag);
        }
    }

    private List<Object> list(boolean sorted, int depth) {
        int n = in.count(1);
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(value(sorted, depth));
        }
        return JsonValues.adopt(out, sorted);
    }

    private int deeper(int depth, int at) {
        if (depth >= MAX_DEPTH) {
            throw in.failAt(at, "a value nested deeper than " + MAX_DEPTH + " levels");
        }
        return depth + 1;
    }

    private byte[] nonEmpty(byte[] bytes, int at) {
        if (bytes.length == 0) {
            throw in.failAt(at, "a big number without digits");
        }
        return bytes;
    }

    private String key() {
        int at = in.position();
        String key = in.string();
        if (key == null) {
            throw in.failAt(at, "a null map key");
        }
        return key;
    }

    private KeyForms forms() {
        int n = in.count(2);
        KeyForms.Collector forms = new KeyForms.Collector();
        for (int i = 0; i < n; i++) {
            String key = key();
            int at = in.position();
            long kind = in.varint();
            if (kind < 0 || kind >= KINDS.length) {
                throw in.failAt(at, "no key form number " + kind);
            }
            if (KINDS[(int) kind] == KeyForm.Kind.TIME_TEXT) {
                String text = in.string();
                if (text == null || text.isEmpty()) {
                    throw in.failAt(at, "a time key form without its text");
                }
                forms.put(key, KeyForm.timeText(text));
            } else {
                forms.put(key, new KeyForm(KINDS[(int) kind], ""));
            }
        }
        return forms.build();
    }
}
