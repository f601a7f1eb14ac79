package dev.batchyard.legacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.gojson.GoTime;
import dev.batchyard.model.LogEntry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoBatchFormatTest {
    private final GoBatchFormat inTest = new GoBatchFormat(new GoJson());

    static byte[] sample(String name) throws Exception {
        try (InputStream in = GoBatchFormatTest.class.getResourceAsStream("/legacy-go-format/" + name)) {
            return in.readAllBytes();
        }
    }

    private static JsonNode tree(byte[] json) throws Exception {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json);
    }

    private byte[] roundTrip(byte[] bytes) throws Exception {
        return inTest.write(inTest.read(bytes));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch_3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11.json", "batch_batch-1764160000000000000.json"})
    void rewritesGoSamplesByteForByte(String name) throws Exception {
        byte[] go = sample(name);
        assertEquals(new String(go, StandardCharsets.UTF_8), new String(roundTrip(go), StandardCharsets.UTF_8));
        assertArrayEquals(go, roundTrip(go));
    }

    @Test
    void readsTheSampleBatchFields() throws Exception {
        GoBatchFile b = inTest.read(sample("batch_batch-1764160000000000000.json"));
        assertEquals("batch-1764160000000000000", b.id());
        assertEquals("elasticsearch", b.sinkType());
        assertEquals(3, b.retryCount());
        assertEquals(OffsetDateTime.of(2026, 11, 26, 15, 16, 12, 11, ZoneOffset.ofHours(-3)), b.lastAttempt());
        assertEquals(Map.of("created_by", "batch_persistence"), b.context());
        assertNull(b.entries().get(0).fields());
    }

    @Test
    void writesAFreshBatchAsGoWould() throws Exception {
        GoBatchFile fresh = GoBatchFile.fresh("3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11",
                inTest.read(sample("batch_3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11.json")).entries(), "loki",
                OffsetDateTime.of(2026, 11, 26, 15, 11, 12, 789, ZoneOffset.ofHours(-3)));
        assertArrayEquals(sample("batch_3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11.json"), inTest.write(fresh));
    }

    @Test
    void rewritesGoEdgeCasesByteForByte() throws Exception {
        String go = """
                {
                  "id": "edge",
                  "entries": [
                    {
                      "trace_id": "t",
                      "span_id": "s",
                      "parent_span_id": "p",
                      "timestamp": "2026-11-26T15:11:12.123456789+05:45",
                      "duration": 1500,
                      "processed_at": "0001-01-01T00:00:00Z",
                      "message": "\\u003cscript\\u003e \\u0026 \\u2028\\u2029 \\"q\\" \\\\ \\n\\t\\u0008 é 😀",
                      "level": "",
                      "source_type": "",
                      "source_id": "",
                      "tags": [
                        "a"
                      ],
                      "labels": {},
                      "fields": {
                        "arr": [
                          1,
                          2.5,
                          null,
                          {}
                        ],
                        "big": 1e+21,
                        "small": 1e-7
                      },
                      "processing_steps": [
                        {
                          "name": "parse",
                          "timestamp": "2026-11-26T15:11:12.1-03:00",
                          "duration": 0,
                          "success": false,
                          "error": "boom",
                          "metadata": {
                            "k": "v"
                          }
                        }
                      ],
                      "sanitized_fields": [
                        "password"
                      ],
                      "metrics": {
                        "cpu": 0.75
                      },
                      "slos": {
                        "p99": 250
                      }
                    }
                  ],
                  "sink_type": "kafka",
                  "created_at": "2026-11-26T15:11:12Z",
                  "last_attempt": "2026-11-26T15:11:12.5-03:00",
                  "retry_count": 10,
                  "failure_reason": "dead"
                }""";
        assertEquals(go, new String(roundTrip(utf8(go)), StandardCharsets.UTF_8));
    }

    @Test
    void writesNullEntriesAndAbsentContextBackAsTheyWere() throws Exception {
        String go = "{\n  \"id\": \"x\",\n  \"entries\": null,\n  \"sink_type\": \"loki\",\n"
                + "  \"created_at\": \"2026-11-26T15:11:12Z\",\n  \"last_attempt\": \"0001-01-01T00:00:00Z\",\n"
                + "  \"retry_count\": 0\n}";
        assertEquals(go, new String(roundTrip(utf8(go)), StandardCharsets.UTF_8));
    }

    @Test
    void keepsUnknownKeysAtBatchAndEntryLevel() throws Exception {
        String json = "{\"id\":\"x\",\"schema\":2,\"entries\":[{\"message\":\"m\",\"severity_number\":9,"
                + "\"resource\":{\"b\":1,\"a\":[true]}}],\"sink_type\":\"loki\",\"owner\":{\"team\":\"core\"}}";
        GoBatchFile b = inTest.read(utf8(json));
        assertEquals(2L, b.unknown().get("schema"));
        assertEquals(9L, b.entries().get(0).unknown().get("severity_number"));
        assertEquals(tree(utf8(json)), tree(inTest.write(b)));
    }

    @Test
    void writesNonGoSpellingsBackAsTheSameJsonValue() throws Exception {
        String json = "{\"id\":\"x\",\"entries\":[],\"created_at\":\"2026-11-26T15:11:12.500000+00:00\","
                + "\"last_attempt\":null,\"retry_count\":0,\"failure_reason\":\"\",\"context\":{}}";
        assertEquals(tree(utf8(json)), tree(roundTrip(utf8(json))));
    }

    @Test
    void rewritesAHugeEntryAndThousandsOfEntriesByteForByte() throws Exception {
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 26, 15, 11, 12, 100, ZoneOffset.ofHours(-3));
        List<LogEntry> entries = new ArrayList<>();
        entries.add(LogEntry.builder().timestamp(t).processedAt(t).message(("é".repeat(96) + "<&>\u2028").repeat(10_000)).build());
        for (int i = 0; i < 3000; i++) {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("i", Integer.toString(i));
            entries.add(LogEntry.builder().timestamp(t.plusNanos(i)).processedAt(t).message("entry " + i)
                    .labels(labels).build());
        }
        GoBatchFile b = GoBatchFile.fresh("big", entries, "loki", t);
        byte[] bytes = inTest.write(b);
        assertTrue(bytes.length > 1_000_000);
        assertTrue(b.entries().equals(inTest.read(bytes).entries()));
        assertArrayEquals(bytes, roundTrip(bytes));
    }

    @Test
    void writesANeverAttemptedBatchWithGosZeroTime() throws Exception {
        GoBatchFile b = GoBatchFile.fresh("x", List.of(), "loki", GoTime.ZERO);
        assertTrue(new String(inTest.write(b), StandardCharsets.UTF_8)
                .contains("\"last_attempt\": \"0001-01-01T00:00:00Z\""));
    }
}
