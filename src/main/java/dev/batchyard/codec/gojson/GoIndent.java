package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * The layout of Go's {@code json.MarshalIndent(v, "", "  ")}: two spaces a level, {@code "key": value},
 * one element a line, and {@code {}} / {@code []} for empty containers (Jackson's default printer
 * writes {@code { }} and {@code " : "}). Keeps the nesting depth, so one instance per generator.
 */
final class GoIndent implements PrettyPrinter {
    /** A newline and the indentation of each shallow depth, written in one call. */
    private static final String[] LINES = new String[16];

    static {
        for (int i = 0; i < LINES.length; i++) {
            LINES[i] = "\n" + "  ".repeat(i);
        }
    }

    private int depth;

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        open(g, '{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        close(g, entries, '}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        separate(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        open(g, '[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        close(g, values, ']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        separate(g);
    }

    // Go's MarshalIndent treats objects and arrays alike: the same three moves serve both
    private void open(JsonGenerator g, char bracket) throws IOException {
        g.writeRaw(bracket);
        depth++;
    }

    private void close(JsonGenerator g, int members, char bracket) throws IOException {
        depth--;
        if (members > 0) {
            newLine(g);
        }
        g.writeRaw(bracket);
    }

    private void separate(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newLine(g);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        newLine(g);
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newLine(g);
    }

    private void newLine(JsonGenerator g) throws IOException {
        if (depth < LINES.length) {
            g.writeRaw(LINES[depth]);
            return;
        }
        g.writeRaw('\n');
        for (int i = 0; i < depth; i++) {
            g.writeRaw("  ");
        }
    }
}
