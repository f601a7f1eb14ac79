package dev.batchyard.codec.gojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.LogEntryBuilder;
import dev.batchyard.model.SampleEntries;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoJsonTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 26, 15, 11, 12, 123, ZoneOffset.ofHours(-3));
    private final GoJson inTest = new GoJson();

    private static LogEntryBuilder minimal() {
        return LogEntry.builder().timestamp(T).processedAt(T).message("m").level("info").sourceType("file")
                .sourceId("s");
    }

    private String compact(LogEntry e) {
        return inTest.toJson(e, false);
    }

    private static JsonNode tree(String json) throws Exception {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json);
    }

    @Test
    void writesFieldsInGoStructOrderWithGoIndentation() {
        LogEntry e = minimal().labels(Map.of("service", "orders", "env", "prod")).fields(Map.of("status", 200)).build();
        assertEquals("""
                {
                  "trace_id": "",
                  "span_id": "",
                  "timestamp": "2026-11-26T15:11:12.000000123-03:00",
                  "processed_at": "2026-11-26T15:11:12.000000123-03:00",
                  "message": "m",
                  "level": "info",
                  "source_type": "file",
                  "source_id": "s",
                  "labels": {
                    "env": "prod",
                    "service": "orders"
                  },
                  "fields": {
                    "status": 200
                  }
                }""", inTest.toJson(e, true));
    }

    @Test
    void writesNilMapsAsNullAndEmptyMapsAsBraces() {
        assertTrue(compact(minimal().build()).endsWith("\"labels\":null,\"fields\":null}"));
        assertTrue(compact(minimal().labels(Map.of()).fields(Map.of()).build()).endsWith("\"labels\":{},\"fields\":{}}"));
    }

    @Test
    void omitsEmptyOmitemptyFieldsLikeGo() {
        LogEntry e = minimal().tags(List.of()).metrics(Map.of()).processingSteps(List.of()).build();
        assertEquals("{\"trace_id\":\"\",\"span_id\":\"\",\"timestamp\":\"2026-11-26T15:11:12.000000123-03:00\","
                + "\"processed_at\":\"2026-11-26T15:11:12.000000123-03:00\",\"message\":\"m\",\"level\":\"info\","
                + "\"source_type\":\"file\",\"source_id\":\"s\",\"labels\":null,\"fields\":null}", compact(e));
    }

    @Test
    void escapesHtmlCharactersControlsAndLineSeparatorsLikeGo() {
        String json = compact(minimal().message("<a href=\"x\">&</a>\u2028\u2029\b\f\u0001\n\r\t\\é😀\u007f").build());
        assertTrue(json.contains("\"message\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e"
                + "\\u2028\\u2029\\u0008\\u000c\\u0001\\n\\r\\t\\\\é😀\u007f\""), json);
    }

    @Test
    void escapesMapKeysLikeValues() {
        String json = compact(minimal().labels(Map.of("<k>&\u2028", "v")).build());
        assertTrue(json.contains("\"labels\":{\"\\u003ck\\u003e\\u0026\\u2028\":\"v\"}"), json);
    }

    @Test
    void writesTimesWithTheirOffsetAndTrimmedNanoseconds() {
        OffsetDateTime t = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 120_000_000, ZoneOffset.ofHoursMinutes(5, 45));
        String json = compact(minimal().timestamp(t).processedAt(t.withNano(0).withOffsetSameLocal(ZoneOffset.UTC)).build());
        assertTrue(json.contains("\"timestamp\":\"2026-01-02T03:04:05.12+05:45\""), json);
        assertTrue(json.contains("\"processed_at\":\"2026-01-02T03:04:05Z\""), json);
    }

    @Test
    void writesAMissingTimeAsGosZeroTime() {
        assertTrue(compact(minimal().timestamp(null).build()).contains("\"timestamp\":\"0001-01-01T00:00:00Z\""));
    }

    @Test
    void formatsFloatsLikeGo() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("a", 1e21);
        metrics.put("b", 1e-7);
        metrics.put("c", 0.1);
        metrics.put("d", 100.0);
        metrics.put("e", 1.5e300);
        metrics.put("f", 0.000001);
        metrics.put("g", 123456789.125);
        metrics.put("h", -2.5e-10);
        String json = compact(minimal().metrics(metrics).build());
        assertTrue(json.endsWith("\"metrics\":{\"a\":1e+21,\"b\":1e-7,\"c\":0.1,\"d\":100,\"e\":1.5e+300,"
                + "\"f\":0.000001,\"g\":123456789.125,\"h\":-2.5e-10}}"), json);
    }

    @Test
    void sortsMapKeysInUtf8ByteOrder() {
        Map<String, String> labels = Map.of("b", "", "a", "", "\uffff", "", "😀", "", "B", "");
        assertTrue(compact(minimal().labels(labels).build()).contains("\"labels\":{\"B\":\"\",\"a\":\"\",\"b\":\"\",\"\uffff\":\"\",\"😀\":\"\"}"));
    }

    @Test
    void writesUnknownKeysAfterTheKnownOnesInTheirOrder() {
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("zeta", 1);
        unknown.put("alpha", Map.of("x", true));
        assertTrue(compact(minimal().unknown(unknown).build()).endsWith("\"fields\":null,\"zeta\":1,\"alpha\":{\"x\":true}}"));
    }

    @Test
    void readsWhatItWritesForEveryComponent() {
        LogEntry full = SampleEntries.full();
        assertEquals(full, inTest.read(inTest.write(full, true)));
    }

    @Test
    void readsRealisticEntriesBackEqual() {
        List<LogEntry> batch = SampleEntries.realistic(3, 200);
        assertTrue(batch.equals(inTest.readAll(inTest.writeAll(batch, false))));
    }

    @Test
    void keepsNumbersDigitForDigit() {
        String json = "{\"fields\":{\"big\":123456789012345678901234567890,\"dec\":0.1000000000000000000001,"
                + "\"e\":1e+21,\"neg\":-5,\"small\":1e-7}}";
        LogEntry e = inTest.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(new BigInteger("123456789012345678901234567890"), e.fields().get("big"));
        assertEquals(new BigDecimal("0.1000000000000000000001"), e.fields().get("dec"));
        assertEquals(1e-7, e.fields().get("small"));
        assertEquals(-5L, e.fields().get("neg"));
        assertTrue(compact(e).contains(json.substring(1, json.length() - 1)), compact(e));
    }

    @Test
    void writesNonGoSpellingsBackAsTheSameJsonValue() throws Exception {
        String json = """
                {"span_id":null,"parent_span_id":"","timestamp":"2026-11-26T18:11:12.500+00:00",
                 "duration":0,"processed_at":null,"message":"m","level":"info","source_type":"file",
                 "source_id":"s","tags":[],"fields":{"b":1,"a":{"y":1,"x":2}},"processing_steps":null,
                 "pipeline":"","sanitized_fields":null,"metrics":{},"slos":null}""";
        LogEntry e = inTest.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(tree(json), tree(compact(e)));
    }

    @Test
    void keyFormsStopApplyingOnceTheValueChanges() throws Exception {
        String json = "{\"tags\":[],\"timestamp\":\"2026-11-26T18:11:12.500+00:00\"}";
        LogEntry e = inTest.read(json.getBytes(StandardCharsets.UTF_8)).toBuilder()
                .tags(List.of("x")).timestamp(T).build();
        JsonNode out = tree(compact(e));
        assertEquals("x", out.get("tags").get(0).asText());
        assertEquals("2026-11-26T15:11:12.000000123-03:00", out.get("timestamp").asText());
    }

    @Test
    void readsProcessingStepsWithAbsentAndNullKeys() throws Exception {
        String json = "{\"processing_steps\":[{\"name\":\"parse\",\"success\":null,\"error\":\"\",\"input\":{}},null]}";
        LogEntry e = inTest.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals("parse", e.processingSteps().get(0).name());
        assertEquals(tree(json).get("processing_steps"), tree(compact(e)).get("processing_steps"));
    }

    @Test
    void rejectsAValueOfTheWrongTypeNamingItsPointer() {
        JsonShapeException e = assertThrows(JsonShapeException.class,
                () -> inTest.read("{\"labels\":{\"env\":1}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("/labels/env", e.pointer());
    }

    @Test
    void rejectsAFractionalDuration() {
        JsonShapeException e = assertThrows(JsonShapeException.class,
                () -> inTest.read("{\"duration\":1.5}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("/duration"), e.getMessage());
    }

    @Test
    void rejectsATimeThatIsNotRfc3339() {
        JsonShapeException e = assertThrows(JsonShapeException.class,
                () -> inTest.read("{\"timestamp\":\"26/11/2026\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("26/11/2026"), e.getMessage());
    }

    @Test
    void reportsInvalidJsonAsAnIoFailure() {
        assertThrows(UncheckedIOException.class, () -> inTest.read("{\"message\":".getBytes(StandardCharsets.UTF_8)));
    }
}
