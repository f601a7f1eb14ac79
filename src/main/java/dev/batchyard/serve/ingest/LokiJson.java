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

    static LokiPush decode(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedBodyException("a Loki push body is a JSON object with \"streams\"");
            }
            List<LokiPush.Stream> streams = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (key.equals("streams")) {
                    streams = streams(p);
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedBodyException("unexpected data after the push object");
            }
            if (streams == null) {
                throw new MalformedBodyException("a Loki push body needs \"streams\"");
            }
            return new LokiPush(streams);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("not valid JSON: " + e.getOriginalMessage().replace('\n', ' ')
                    + where(e), e);
        } catch (IOException e) {
            throw new MalformedBodyException("cannot read the body: " + e.getMessage(), e);
        }
    }

    private static List<LokiPush.Stream> streams(JsonParser p) throws IOException {
        expect(p, JsonToken.START_ARRAY, "streams", "an array of streams");
        List<LokiPush.Stream> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(stream(p, out.size()));
        }
        return out;
    }

    private static LokiPush.Stream stream(JsonParser p, int index) throws IOException {
        String where = "streams[" + index + "]";
        expect(p, JsonToken.START_OBJECT, where, "a stream object");
        Map<String, String> labels = null;
        List<LokiPush.Entry> entries = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "stream" -> labels = strings(p, where + ".stream", "an object of label names to values");
                case "values" -> {
                    expect(p, JsonToken.START_ARRAY, where + ".values", "an array of [time, line] pairs");
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        entries.add(entry(p, new Place(index, entries.size())));
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (labels == null) {
            throw new MalformedBodyException(where + ": has no \"stream\" labels; Loki needs at least one label per stream");
        }
        return new LokiPush.Stream(LokiLabels.check(labels, where + ".stream"), entries);
    }

    /**
     * Where an entry is in the body ({@code streams[1].values[4]}), made into text only for an error
     * message: building it for every entry of every push cost as much as reading the entry's time.
     */
    private record Place(int stream, int entry) {
        String at(String element) {
            return "streams[" + stream + "].values[" + entry + "]" + element;
        }
    }

    private static LokiPush.Entry entry(JsonParser p, Place place) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            expect(p, JsonToken.START_ARRAY, place.at(""), "a [time, line] or [time, line, metadata] array");
        }
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            expect(p, JsonToken.VALUE_STRING, place.at("[0]"), "the time as a string of Unix epoch nanoseconds");
        }
        long nanos = nanos(p, place);
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            expect(p, JsonToken.VALUE_STRING, place.at("[1]"), "the log line as a string");
        }
        String line = p.getText();
        Map<String, String> metadata = Map.of();
        if (p.nextToken() != JsonToken.END_ARRAY) {
            String where = place.at("[2]");
            Map<String, String> read = strings(p, where, "an object of structured metadata");
            metadata = new LinkedHashMap<>();
            for (Map.Entry<String, String> m : read.entrySet()) {
                LokiLabels.putMetadata(metadata, m.getKey(), m.getValue(), where);
            }
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new MalformedBodyException(place.at("") + ": has more than 3 elements");
            }
        }
        return LokiTimes.entry(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L), line,
                metadata, () -> place.at(""));
    }

    /**
     * The time of the entry at the parser, read from the parser's own characters: at most 19
     * digits (a {@code long}), nothing else, no {@code String} made unless it is refused.
     */
    private static long nanos(JsonParser p, Place place) throws IOException {
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
            throw new MalformedBodyException(place.at("[0]") + ": " + Quoting.shortly(p.getText())
                    + " is not a time in Unix epoch nanoseconds (digits only)");
        }
        if (value < 0) { // 19 digits past Long.MAX_VALUE wrap around
            throw new MalformedBodyException(place.at("[0]") + ": " + Quoting.shortly(p.getText()) + " is past the largest time in"
                    + " nanoseconds (" + Long.MAX_VALUE + ")");
        }
        return value;
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
