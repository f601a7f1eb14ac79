package dev.batchyard.serve.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LokiJsonTest {

    private static LokiPush decode(String json) {
        return LokiJson.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String json) {
        return assertThrows(MalformedBodyException.class, () -> decode(json)).getMessage();
    }

    @Test
    void decodesStreamsValuesAndStructuredMetadata() {
        LokiPush inTest = decode("""
                {"streams": [
                  {"stream": {"job": "api", "env": "prod"},
                   "values": [["1700000000000000001", "first"],
                              ["1700000000999999999", "second", {"trace_id": "abc", "user": "7"}]]},
                  {"stream": {"job": "db"}, "values": []}
                ]}""");

        assertEquals(2, inTest.streams().size());
        assertEquals(Map.of("job", "api", "env", "prod"), inTest.streams().get(0).labels());
        assertEquals(List.of(new LokiPush.Entry(1_700_000_000L, 1, "first", Map.of()),
                        new LokiPush.Entry(1_700_000_000L, 999_999_999, "second", Map.of("trace_id", "abc", "user", "7"))),
                inTest.streams().get(0).entries());
        assertEquals(List.of(), inTest.streams().get(1).entries());
    }

    @Test
    void skipsKeysItDoesNotKnow() {
        LokiPush inTest = decode("""
                {"extra": {"a": [1, 2]}, "streams": [{"x": null, "stream": {"a": "b"}, "values": [["5", "l"]]}]}""");

        assertEquals(List.of(new LokiPush.Entry(0, 5, "l", Map.of())), inTest.streams().get(0).entries());
    }

    @Test
    void linesKeepEveryCharacter() {
        LokiPush inTest = decode("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"1\",\"tab\\t nl\\n \\u0000 é 😀\"]]}]}");

        assertEquals("tab\t nl\n \u0000 é 😀", inTest.streams().get(0).entries().get(0).line());
    }

    @Test
    void errorsNameThePlace() {
        assertEquals("streams[0].values[1][0]: expected the time as a string of Unix epoch nanoseconds, found a number"
                        + " (line 1, column 54)",
                error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"1\",\"x\"],[2,\"y\"]]}]}"));
        assertEquals("streams[0].values[0][0]: '12x' is not a time in Unix epoch nanoseconds (digits only)",
                error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"12x\",\"y\"]]}]}"));
        assertTrue(error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"-5\",\"y\"]]}]}")
                .contains("digits only"));
        assertTrue(error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"99999999999999999999\",\"y\"]]}]}")
                .contains("digits only"));
        assertEquals("streams[0].values[0][0]: '9999999999999999999' is past the largest time in nanoseconds (9223372036854775807)",
                error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"9999999999999999999\",\"y\"]]}]}"));
        assertEquals("streams[1].values[0][0]: '' is not a time in Unix epoch nanoseconds (digits only)",
                error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[]},{\"stream\":{\"a\":\"c\"},\"values\":[[\"\",\"y\"]]}]}"));
        assertEquals("streams[0].values[0][1]: expected the log line as a string, found null (line 1, column 48)",
                error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"1\",null]]}]}"));
        assertEquals("streams[0].values[0]: has more than 3 elements",
                error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"1\",\"x\",{},5]]}]}"));
        assertTrue(error("{\"streams\":[{\"stream\":{\"a\":\"b\"},\"values\":[[\"1\",\"x\",{\"k\":1}]]}]}")
                .startsWith("streams[0].values[0][2]['k']: expected a string, found a number"));
    }

    @Test
    void aStreamWithoutLabelsIsRefused() {
        assertEquals("streams[0]: has no \"stream\" labels; Loki needs at least one label per stream",
                error("{\"streams\":[{\"values\":[]}]}"));
        assertEquals("streams[0].stream: has no labels; Loki needs at least one label per stream",
                error("{\"streams\":[{\"stream\":{},\"values\":[]}]}"));
    }

    @Test
    void aLabelNameLokiRefusesIsRefused() {
        assertTrue(error("{\"streams\":[{\"stream\":{\"a-b\":\"x\"},\"values\":[]}]}")
                .contains("'a-b' is not a label name"));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertTrue(error("{\"streams\":[{\"stream\":{\"a\":\"1\",\"a\":\"2\"},\"values\":[]}]}")
                .contains("Duplicate field 'a'"));
    }

    @Test
    void notJsonIsRefused() {
        assertTrue(error("{\"streams\": [").startsWith("not valid JSON:"));
        assertEquals("a Loki push body is a JSON object with \"streams\"", error("[]"));
        assertEquals("a Loki push body needs \"streams\"", error("{}"));
        assertEquals("unexpected data after the push object", error("{\"streams\":[]} {}"));
    }

    @Test
    void linesBeforeTheirLabelsGetThem() {
        LokiPush inTest = decode("""
                {"streams": [{"values": [["1", "a"], ["2", "b", {"k": "v"}]], "stream": {"job": "late"}},
                             {"stream": {"job": "early"}, "values": [["3", "c"]]}]}""");

        assertEquals(Map.of("job", "late"), inTest.streams().get(0).labels());
        assertEquals(List.of(new LokiPush.Entry(0, 1, "a", Map.of()), new LokiPush.Entry(0, 2, "b", Map.of("k", "v"))),
                inTest.streams().get(0).entries());
        assertEquals(List.of(new LokiPush.Entry(0, 3, "c", Map.of())), inTest.streams().get(1).entries());
    }

    @Test
    void theRouteEntriesAreThePushsEntries() {
        String json = """
                {"streams": [{"stream": {"job": "api", "env": "prod"},
                              "values": [["1700000000500000000", "second", {"trace_id": "abc", "user": "7"}],
                                         ["1700000000000000001", "first"]]},
                             {"values": [["1700000001000000000", "slow query"]], "stream": {"job": "db"}}]}""";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var received = java.time.OffsetDateTime.parse("2026-12-02T20:00:00Z");
        BodyLimits limits = new BodyLimits(1 << 20, 1 << 20);

        var direct = LokiEntries.read("application/json", null, body, limits, received);

        assertEquals(LokiEntries.of(decode(json), received), direct);
        assertEquals(List.of("second", "first", "slow query"), direct.stream().map(e -> e.message()).toList());
        assertEquals(Map.of("job", "db"), direct.get(2).labels());
        assertEquals(Map.of(LokiEntries.STRUCTURED_METADATA, Map.of("trace_id", "abc", "user", "7")), direct.get(0).fields());
        assertEquals(null, direct.get(1).fields());
    }

    @Test
    void labelNamesAreCheckedAsLokisPatternChecksThem() {
        for (String name : List.of("a", "_", "A_9", "job", "__name__", "", "9a", "a-b", "a b", "é", "a.b", "_1", "Z")) {
            assertEquals(LabelSet.NAME.matcher(name).matches(), LokiLabels.isName(name), name);
        }
    }
}
