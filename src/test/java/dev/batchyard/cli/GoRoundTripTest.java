package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import-go then export: generated Go files with the awkward parts of the format come back unchanged. */
class GoRoundTripTest {
    @TempDir
    Path tmp;

    CliHarness inTest;
    Path goDir;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        inTest = new CliHarness(tmp.resolve("store"));
        goDir = Files.createDirectories(tmp.resolve("go"));
        out = tmp.resolve("out");
    }

    @Test
    void escapesNullsUnknownKeysStepsAndOffsetsComeBackByteIdentical() throws IOException {
        String go = """
                {
                  "id": "edge-1",
                  "entries": [
                    {
                      "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
                      "span_id": "00f067aa0ba902b7",
                      "parent_span_id": "53995c3f42cd8ad8",
                      "timestamp": "2026-02-28T23:59:59.999999999+05:45",
                      "duration": 1500000,
                      "processed_at": "2026-03-01T00:00:00Z",
                      "message": "a \\u003cb\\u003e \\u0026 \\"quoted\\" é 日本 \\u2028 tab\\tline\\n",
                      "level": "warn",
                      "source_type": "journald",
                      "source_id": "unit:api.service",
                      "tags": [
                        "x",
                        ""
                      ],
                      "labels": null,
                      "fields": {
                        "big": 9007199254740993,
                        "list": [
                          1,
                          "two",
                          null,
                          true
                        ],
                        "nested": {
                          "a": {},
                          "z": []
                        },
                        "ratio": 0.25
                      },
                      "processing_steps": [
                        {
                          "name": "parse",
                          "timestamp": "2026-03-01T00:00:00.1Z",
                          "duration": 42,
                          "success": false,
                          "error": "bad \\u003cinput\\u003e",
                          "metadata": {
                            "k": "v"
                          }
                        }
                      ],
                      "pipeline": "default",
                      "sanitized_fields": [
                        "password"
                      ],
                      "metrics": {
                        "latency_ms": 12.5
                      },
                      "future_key": {
                        "kept": [
                          1,
                          2
                        ]
                      }
                    },
                    {
                      "trace_id": "",
                      "span_id": "",
                      "timestamp": "0001-01-01T00:00:00Z",
                      "processed_at": "2026-11-26T10:00:00-03:00",
                      "message": "",
                      "level": "",
                      "source_type": "",
                      "source_id": "",
                      "labels": {},
                      "fields": null
                    }
                  ],
                  "sink_type": "splunk",
                  "created_at": "2026-11-26T10:00:00.5+09:00",
                  "last_attempt": "0001-01-01T00:00:00Z",
                  "retry_count": 0
                }""";
        Files.writeString(goDir.resolve("batch_edge-1.json"), go);

        roundTrip();

        byte[] back = Files.readAllBytes(out.resolve("batch_edge-1.json"));
        assertEquals(new ObjectMapper().readTree(go), new ObjectMapper().readTree(back), "same JSON value");
        assertArrayEquals(go.getBytes(StandardCharsets.UTF_8), back, () -> "byte-identical, was:\n" + new String(back, StandardCharsets.UTF_8));
    }

    @Test
    void aLargeBatchComesBackByteIdentical() throws IOException {
        StringBuilder go = new StringBuilder("{\n  \"id\": \"big-1\",\n  \"entries\": [\n");
        for (int i = 0; i < 2000; i++) {
            go.append(i == 0 ? "" : ",\n").append("""
                        {
                          "trace_id": "",
                          "span_id": "",
                          "timestamp": "2026-11-26T15:11:12.%09d-03:00",
                          "processed_at": "2026-11-26T15:11:13Z",
                          "message": "line %d",
                          "level": "info",
                          "source_type": "file",
                          "source_id": "f1",
                          "labels": {
                            "n": "%d"
                          },
                          "fields": null
                        }""".formatted(i * 1000 + 7, i, i).indent(4).stripTrailing());
        }
        go.append("\n  ],\n  \"sink_type\": \"loki\",\n  \"created_at\": \"2026-11-26T15:11:12Z\",\n"
                + "  \"last_attempt\": \"2026-11-26T15:12:12.000000001Z\",\n  \"retry_count\": 10,\n"
                + "  \"failure_reason\": \"dead\",\n  \"context\": {\n    \"a\": \"1\",\n    \"b\": \"2\"\n  }\n}");
        String text = go.toString();
        Files.writeString(goDir.resolve("batch_big-1.json"), text);

        roundTrip();

        assertEquals(new ObjectMapper().readTree(text), new ObjectMapper().readTree(out.resolve("batch_big-1.json").toFile()));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out.resolve("batch_big-1.json")));
    }

    @Test
    void batchLevelUnknownKeysAndNonGoSpellingsComeBack() throws IOException {
        String text = """
                {
                  "id": "odd-1",
                  "entries": [],
                  "sink_type": "loki",
                  "created_at": "2026-11-26T15:11:12.500+00:00",
                  "last_attempt": "0001-01-01T00:00:00Z",
                  "retry_count": 0,
                  "failure_reason": "",
                  "context": {
                    "created_by": "batch_persistence"
                  },
                  "agent_version": "v0.9.3",
                  "shard": {
                    "n": 3,
                    "weight": 0.25
                  }
                }""";
        Files.writeString(goDir.resolve("batch_odd-1.json"), text);

        roundTrip();

        assertEquals(new ObjectMapper().readTree(text), new ObjectMapper().readTree(out.resolve("batch_odd-1.json").toFile()));
    }

    private void roundTrip() {
        CliHarness.Run in = inTest.onStore("import-go", goDir.toString());
        assertEquals(0, in.code(), in::toString);
        assertTrue(in.out().contains("skipped 0"), in::toString);
        CliHarness.Run export = inTest.onStore("export", "--all", "--go-dir", out.toString());
        assertEquals(0, export.code(), export::toString);
    }
}
