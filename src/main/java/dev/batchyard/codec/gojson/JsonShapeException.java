package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;

/**
 * Valid JSON that does not have the shape of the Go structs (a string where Go has a number, an
 * entry that is not an object, a time that is not RFC 3339). Go's {@code json.Unmarshal} fails on
 * the same inputs. The message names the JSON pointer and line/column.
 */
public final class JsonShapeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String pointer;

    public JsonShapeException(String pointer, String problem) {
        super((pointer.isEmpty() ? "at the top level" : "at " + pointer) + ": " + problem);
        this.pointer = pointer;
    }

    /** Where the parser stands, e.g. {@code /entries/3/labels/env}: {@code problem}. */
    public static JsonShapeException at(JsonParser p, String problem) {
        JsonLocation loc = p.currentTokenLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return new JsonShapeException(p.getParsingContext().pathAsPointer().toString(), problem + where);
    }

    /** The JSON pointer of the offending value. */
    public String pointer() {
        return pointer;
    }
}
