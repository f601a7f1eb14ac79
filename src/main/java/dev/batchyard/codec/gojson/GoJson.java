package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.batchyard.model.LogEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Go agent's JSON for log entries, read and written losslessly (see {@link GoEntryReader} and
 * {@link GoEntryWriter}). {@code indent} gives the bytes of Go's {@code json.MarshalIndent(v, "", "  ")},
 * otherwise those of {@code json.Marshal(v)}. Thread-safe; make one and share it.
 */
public final class GoJson {
    private final JsonFactory factory;

    public GoJson() {
        factory = new JsonFactoryBuilder()
                .characterEscapes(new GoEscapes())
                // raw 4-byte UTF-8 for characters beyond U+FFFF, as Go writes them
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    /** A generator with Go's escaping (and Go's indentation when {@code indent}). */
    public JsonGenerator generator(OutputStream out, boolean indent) throws IOException {
        JsonGenerator g = factory.createGenerator(out);
        if (indent) {
            g.setPrettyPrinter(new GoIndent());
        }
        return g;
    }

    public JsonParser parser(byte[] json) throws IOException {
        return factory.createParser(json);
    }

    /** A parser over {@code length} bytes of {@code json} from {@code offset}. */
    public JsonParser parser(byte[] json, int offset, int length) throws IOException {
        return factory.createParser(json, offset, length);
    }

    public JsonParser parser(java.io.InputStream in) throws IOException {
        return factory.createParser(in);
    }

    public byte[] write(LogEntry entry, boolean indent) {
        return write(indent, g -> GoEntryWriter.write(g, entry));
    }

    public byte[] writeAll(List<LogEntry> entries, boolean indent) {
        return write(indent, g -> {
            g.writeStartArray();
            for (LogEntry e : entries) {
                GoEntryWriter.write(g, e);
            }
            g.writeEndArray();
        });
    }

    public String toJson(LogEntry entry, boolean indent) {
        return new String(write(entry, indent), StandardCharsets.UTF_8);
    }

    /**
     * @throws JsonShapeException when the JSON is not a log entry
     * @throws UncheckedIOException wrapping Jackson's exception when it is not JSON
     */
    public LogEntry read(byte[] json) {
        return read(json, p -> GoEntryReader.read(p));
    }

    /** A JSON array of entries. */
    public List<LogEntry> readAll(byte[] json) {
        return read(json, p -> {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw JsonShapeException.at(p, "expected an array of log entries");
            }
            List<LogEntry> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(GoEntryReader.read(p));
            }
            return out;
        });
    }

    private <T> T read(byte[] json, Body<JsonParser, T> body) {
        try (JsonParser p = parser(json)) {
            p.nextToken();
            T value = body.run(p);
            if (p.nextToken() != null) {
                throw JsonShapeException.at(p, "unexpected data after the value");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private byte[] write(boolean indent, Writing body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = generator(out, indent)) {
            body.run(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface Writing {
        void run(JsonGenerator g) throws IOException;
    }

    @FunctionalInterface
    private interface Body<S, T> {
        T run(S s) throws IOException;
    }
}
