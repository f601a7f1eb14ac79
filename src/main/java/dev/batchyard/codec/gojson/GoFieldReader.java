package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.batchyard.model.GoKeyOrder;
import dev.batchyard.model.JsonValues;
import dev.batchyard.model.KeyForm;
import dev.batchyard.model.KeyForms;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the value of one struct field at the parser's current token, with Go's typing, and
 * records in a {@link KeyForms.Collector} every zero value spelled differently from how Go would
 * write it. Wrong types fail with a {@link JsonShapeException} naming the JSON pointer.
 */
public final class GoFieldReader {
    private final JsonParser p;
    private final KeyForms.Collector forms;

    public GoFieldReader(JsonParser p, KeyForms.Collector forms) {
        this.p = p;
        this.forms = forms;
    }

    public String string(String key, boolean omitEmpty) throws IOException {
        forms.remove(key);
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (omitEmpty && s.isEmpty()) {
                forms.put(key, KeyForm.EMPTY);
            }
            return s;
        }
        requireNull(t, "a string");
        forms.put(key, KeyForm.NULL);
        return "";
    }

    public long integer(String key, boolean omitEmpty) throws IOException {
        forms.remove(key);
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long v;
            try {
                v = p.getLongValue();
            } catch (InputCoercionException e) {
                throw JsonShapeException.at(p, "number " + p.getText() + " does not fit a 64-bit integer");
            }
            if (omitEmpty && v == 0) {
                forms.put(key, KeyForm.EMPTY);
            }
            return v;
        }
        requireNull(t, "a whole number");
        forms.put(key, KeyForm.NULL);
        return 0;
    }

    public boolean bool(String key) throws IOException {
        forms.remove(key);
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        requireNull(t, "true or false");
        forms.put(key, KeyForm.NULL);
        return false;
    }

    public OffsetDateTime time(String key) throws IOException {
        forms.remove(key);
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            GoTime.Parsed parsed;
            try {
                parsed = GoTime.parse(s);
            } catch (IllegalArgumentException e) {
                throw JsonShapeException.at(p, e.getMessage());
            }
            if (!parsed.canonical()) {
                forms.put(key, KeyForm.timeText(s));
            }
            return parsed.time();
        }
        requireNull(t, "an RFC 3339 time");
        forms.put(key, KeyForm.NULL);
        return null;
    }

    /** A Go {@code []T}; {@code null} for JSON null, an empty list for {@code []}. */
    public <T> List<T> list(String key, boolean omitEmpty, Element<T> element) throws IOException {
        forms.remove(key);
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            List<T> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(element.read(p));
            }
            if (omitEmpty && out.isEmpty()) {
                forms.put(key, KeyForm.EMPTY);
            }
            return JsonValues.adopt(out, true);
        }
        requireNull(t, "an array");
        if (omitEmpty) {
            forms.put(key, KeyForm.NULL);
        }
        return null;
    }

    /** A Go {@code map[string]T}; {@code null} for JSON null. */
    public <T> Map<String, T> map(String key, boolean omitEmpty, Element<T> value) throws IOException {
        forms.remove(key);
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, T> out = new TreeMap<>(GoKeyOrder.INSTANCE);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                out.put(name, value.read(p));
            }
            if (omitEmpty && out.isEmpty()) {
                forms.put(key, KeyForm.EMPTY);
            }
            return JsonValues.adopt(out, true);
        }
        requireNull(t, "an object");
        if (omitEmpty) {
            forms.put(key, KeyForm.NULL);
        }
        return null;
    }

    /** Records that a key Go always writes was missing. */
    public void absent(String key) {
        forms.put(key, KeyForm.ABSENT);
    }

    private void requireNull(JsonToken t, String expected) throws IOException {
        if (t != JsonToken.VALUE_NULL) {
            throw JsonShapeException.at(p, "expected " + expected + ", found " + describe(t));
        }
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.toString();
        }
    }

    /** Reads one element or map value at the parser's current token. */
    @FunctionalInterface
    public interface Element<T> {
        T read(JsonParser p) throws IOException;

        static String string(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL) {
                return t == JsonToken.VALUE_NULL ? null : p.getText();
            }
            if (t == JsonToken.VALUE_EMBEDDED_OBJECT) {
                return (String) GoValueReader.read(p, false);
            }
            throw JsonShapeException.at(p, "expected a string, found " + describe(t));
        }

        static Double number(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDoubleValue();
            }
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            throw JsonShapeException.at(p, "expected a number, found " + describe(t));
        }

        static Object sortedAny(JsonParser p) throws IOException {
            return GoValueReader.read(p, true);
        }
    }

}
