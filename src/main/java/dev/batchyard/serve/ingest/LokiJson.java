package dev.batchyard.serve.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loki's JSON push body, read with a streaming parser (a body is not held twice as a tree):
 * <pre>
 * {"streams": [{"stream": {"job": "api"},
 *               "values": [["1700000000000000001", "a line"],
 *                          ["1700000000000000002", "a line", {"trace_id": "abc"}]]}]}
 * </pre>
 * The time is a string of Unix epoch nanoseconds; the optional third element is the entry's
 * structured metadata, an object of strings. Keys this version does not know are skipped, as Loki
 * skips them; a key given twice in one object is refused. Errors name the place
 * ({@code streams[1].values[4][0]}). Thread-safe.
 */
final class LokiJson {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private LokiJson() {
    }

    /** The whole push as a value (for tests and tools; the route reads into entries). */
    static LokiPush decode(byte[] body) {
        LokiPush.Collector push = new LokiPush.Collector();
        decode(body, push);
        return push.push();
    }

    /** Reads the push in {@code body} into {@code out}, stream by stream and line by line. */
    static void decode(byte[] body, LokiLines out) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedBodyException("a Loki push body is a JSON object with \"streams\"");
            }
            boolean streams = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("streams")) {
                    streams(p, out);
                    streams = true;
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedBodyException("unexpected data after the push object");
            }
            if (!streams) {
                throw new MalformedBodyException("a Loki push body needs \"streams\"");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("not valid JSON: " + e.getOriginalMessage().replace('\n', ' ')
                    + where(e), e);
        } catch (IOException e) {
            throw new MalformedBodyException("cannot read the body: " + e.getMessage(), e);
        }
    }

    private static void streams(JsonParser p, LokiLines out) throws IOException {
        expect(p, JsonToken.START_ARRAY, "streams", "an array of streams");
        for (int index = 0; p.nextToken() != JsonToken.END_ARRAY; index++) {
            stream(p, index, out);
        }
    }

    /**
     * One stream object. Its labels usually come first (every shipper writes them so), and then
     * its lines go to {@code out} as they are read; lines that come before the labels are kept
     * aside until the labels are known.
     */
    private static void stream(JsonParser p, int index, LokiLines out) throws IOException {
        String where = "streams[" + index + "]";
        expect(p, JsonToken.START_OBJECT, where, "a stream object");
        boolean labelled = false;
        Held early = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "stream" -> {
                    out.stream(LokiLabels.check(strings(p, where + ".stream", "an object of label names to values"),
                            where + ".stream"));
                    labelled = true;
                    if (early != null) {
                        early.handTo(out);
                    }
                }
                case "values" -> {
                    LokiLines to = out;
                    if (!labelled) {
                        early = new Held();
                        to = early;
                    }
                    expect(p, JsonToken.START_ARRAY, where + ".values", "an array of [time, line] pairs");
                    for (int entry = 0; p.nextToken() != JsonToken.END_ARRAY; entry++) {
                        entry(p, index, entry, to);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (!labelled) {
            throw new MalformedBodyException(where + ": has no \"stream\" labels; Loki needs at least one label per stream");
        }
    }

    /** Lines read before their stream's labels, handed on once the labels come. */
    private static final class Held implements LokiLines {
        private final List<LokiPush.Entry> lines = new ArrayList<>();

        @Override
        public void stream(Map<String, String> labels) {
            throw new IllegalStateException("held lines have no stream of their own");
        }

        @Override
        public void line(long epochSecond, int nano, String line, Map<String, String> structuredMetadata) {
            lines.add(new LokiPush.Entry(epochSecond, nano, line, structuredMetadata));
        }

        void handTo(LokiLines out) {
            lines.forEach(e -> out.line(e.epochSecond(), e.nano(), e.line(), e.structuredMetadata()));
        }
    }

    /**
     * Where an entry is in the body ({@code streams[1].values[4]}), made into text only for an error
     * message: building it for every entry of every push cost as much as reading the entry's time.
     */
    private static String at(int stream, int entry, String element) {
        return "streams[" + stream + "].values[" + entry + "]" + element;
    }

    private static void entry(JsonParser p, int stream, int entry, LokiLines out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            expect(p, JsonToken.START_ARRAY, at(stream, entry, ""), "a [time, line] or [time, line, metadata] array");
        }
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            expect(p, JsonToken.VALUE_STRING, at(stream, entry, "[0]"), "the time as a string of Unix epoch nanoseconds");
        }
        long nanos = nanos(p, stream, entry);
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            expect(p, JsonToken.VALUE_STRING, at(stream, entry, "[1]"), "the log line as a string");
        }
        String line = p.getText();
        Map<String, String> metadata = Map.of();
        if (p.nextToken() != JsonToken.END_ARRAY) {
            metadata = metadata(p, at(stream, entry, "[2]"));
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new MalformedBodyException(at(stream, entry, "") + ": has more than 3 elements");
            }
        }
        // the time is in range by construction: 0 to Long.MAX_VALUE ns is 1970 to 2262 (LokiTimes)
        out.line(Math.floorDiv(nanos, 1_000_000_000L), (int) Math.floorMod(nanos, 1_000_000_000L), line, metadata);
    }

    /**
     * The time of the entry at the parser, read from the parser's own characters: at most 19
     * digits (a {@code long}), nothing else, no {@code String} made unless it is refused.
     */
    private static long nanos(JsonParser p, int stream, int entry) throws IOException {
        char[] chars = p.getTextCharacters();
        int from = p.getTextOffset();
        int length = p.getTextLength();
        boolean digits = length > 0 && length <= 19;
        long value = 0;
        for (int i = from; digits && i < from + length; i++) {
            char c = chars[i];
            digits = c >= '0' && c <= '9';
            value = value * 10 + (c - '0');
        }
        if (!digits) {
            throw new MalformedBodyException(at(stream, entry, "[0]") + ": " + Quoting.shortly(p.getText())
                    + " is not a time in Unix epoch nanoseconds (digits only)");
        }
        if (value < 0) { // 19 digits past Long.MAX_VALUE wrap around
            throw new MalformedBodyException(at(stream, entry, "[0]") + ": " + Quoting.shortly(p.getText()) + " is past the largest time in"
                    + " nanoseconds (" + Long.MAX_VALUE + ")");
        }
        return value;
    }

    /** A line's structured metadata, read straight into the map the line keeps (empty: {@code Map.of()}). */
    private static Map<String, String> metadata(JsonParser p, String where) throws IOException {
        expect(p, JsonToken.START_OBJECT, where, "an object of structured metadata");
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            expect(p, JsonToken.VALUE_STRING, where + "[" + Quoting.shortly(name) + "]", "a string");
            LokiLabels.putMetadata(out, name, p.getText(), where);
        }
        return out.isEmpty() ? Map.of() : out;
    }

    private static Map<String, String> strings(JsonParser p, String where, String what) throws IOException {
        expect(p, JsonToken.START_OBJECT, where, what);
        Map<String, String> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            expect(p, JsonToken.VALUE_STRING, where + "[" + Quoting.shortly(name) + "]", "a string");
            out.put(name, p.getText());
        }
        return out;
    }

    private static void expect(JsonParser p, JsonToken token, String where, String what) {
        if (p.currentToken() != token) {
            throw new MalformedBodyException(where + ": expected " + what + ", found "
                    + (p.currentToken() == null ? "the end of the body" : describe(p.currentToken())) + where(p));
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_ARRAY -> "the end of the array";
            case END_OBJECT -> "the end of the object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static String where(JsonParser p) {
        var at = p.currentTokenLocation();
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
