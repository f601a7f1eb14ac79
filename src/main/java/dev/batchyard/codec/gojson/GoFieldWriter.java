package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.batchyard.model.KeyForm;
import dev.batchyard.model.KeyForms;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writes one struct field the way Go's {@code encoding/json} does (zero values, {@code omitempty},
 * {@code null} for nil maps), unless the object's {@link KeyForms} say the source spelled a zero
 * value differently. Bound to one generator and one object's forms.
 */
public final class GoFieldWriter {
    private final JsonGenerator g;
    private final KeyForms forms;

    public GoFieldWriter(JsonGenerator g, KeyForms forms) {
        this.g = g;
        this.forms = forms;
    }

    public void string(String key, String v, boolean omitEmpty) throws IOException {
        if ((v == null || v.isEmpty()) && zeroForm(key, omitEmpty, "\"\"")) {
            return;
        }
        g.writeStringField(key, v == null ? "" : v);
    }

    public void integer(String key, long v, boolean omitEmpty) throws IOException {
        if (v == 0 && zeroForm(key, omitEmpty, "0")) {
            return;
        }
        g.writeNumberField(key, v);
    }

    public void bool(String key, boolean v) throws IOException {
        if (!v && zeroForm(key, false, "false")) {
            return;
        }
        g.writeBooleanField(key, v);
    }

    public void time(String key, OffsetDateTime t) throws IOException {
        KeyForm f = forms.get(key);
        if (f != null && f.kind() == KeyForm.Kind.TIME_TEXT && t != null
                && GoTime.parse(f.text()).time().equals(t)) {
            g.writeStringField(key, f.text());
            return;
        }
        if (t == null && zeroForm(key, false, null)) {
            return;
        }
        g.writeStringField(key, GoTime.format(t));
    }

    /** A Go slice: {@code omitempty} ones vanish when empty, others are {@code null} when nil. */
    public <T> void list(String key, List<T> v, boolean omitEmpty, Element<T> element) throws IOException {
        boolean zero = omitEmpty ? v == null || v.isEmpty() : v == null;
        if (zero && zeroForm(key, omitEmpty, "[]")) {
            return;
        }
        g.writeFieldName(key);
        if (v == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (T t : v) {
            element.write(g, t);
        }
        g.writeEndArray();
    }

    /** A Go map, keys already in Go's order (the model keeps them so). */
    public void map(String key, Map<String, ?> v, boolean omitEmpty) throws IOException {
        boolean zero = omitEmpty ? v == null || v.isEmpty() : v == null;
        if (zero && zeroForm(key, omitEmpty, "{}")) {
            return;
        }
        g.writeFieldName(key);
        GoValueWriter.write(g, v);
    }

    /** Keys this version does not know, in the order they were read. */
    public void unknown(Map<String, Object> unknown) throws IOException {
        if (unknown == null) {
            return;
        }
        for (Map.Entry<String, Object> e : unknown.entrySet()) {
            g.writeFieldName(e.getKey());
            GoValueWriter.write(g, e.getValue());
        }
    }

    /**
     * Handles a zero value: returns true when done (written per its form, or omitted), false when
     * the caller should write Go's zero value.
     */
    private boolean zeroForm(String key, boolean omitEmpty, String emptyLiteral) throws IOException {
        KeyForm f = forms.get(key);
        if (f != null) {
            switch (f.kind()) {
                case ABSENT:
                    return true;
                case NULL:
                    g.writeNullField(key);
                    return true;
                case EMPTY:
                    if (emptyLiteral != null) {
                        g.writeFieldName(key);
                        g.writeRawValue(emptyLiteral);
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return omitEmpty;
    }

    /** Writes one element of a slice. */
    @FunctionalInterface
    public interface Element<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }
}
