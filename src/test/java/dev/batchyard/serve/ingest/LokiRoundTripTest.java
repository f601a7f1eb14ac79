package dev.batchyard.serve.ingest;

import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.LoopbackServer;
import dev.batchyard.sink.testsupport.TestBatches;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the Loki sink sends for a pushed batch is the push itself: the same streams, lines, times
 * to the nanosecond and structured metadata (Loki's stream order and the order of lines with the
 * same time aside, which Loki does not keep either).
 */
class LokiRoundTripTest {
    private static final String PUSH = """
            {"streams": [
              {"stream": {"job": "api", "env": "prod"},
               "values": [["1700000000500000000", "second", {"trace_id": "abc", "user": "7"}],
                          ["1700000000000000001", "first \\u001b[31m é 😀 \\n next"]]},
              {"stream": {"job": "db", "pod": "db-0"}, "values": [["1700000001000000000", "slow query"]]}
            ]}""";

    @Test
    void theLokiSinkSendsAPushedBatchOnAsItWasPushed() throws Exception {
        LokiPush pushed = LokiJson.decode(PUSH.getBytes(StandardCharsets.UTF_8));
        var entries = LokiEntries.of(pushed, OffsetDateTime.parse("2026-12-01T10:00:00Z"));
        try (LoopbackServer loki = new LoopbackServer().answer(204, "");
             SinkRegistry registry = SinkConfig.read(sinks("""
                     sinks:
                       loki:
                         enabled: true
                         url: "%s"
                     """.formatted(loki.uri())), SinkRuntime.create(Clock.systemUTC(), 1))) {

            DeliveryOutcome outcome = registry.sink("loki").orElseThrow()
                    .deliver(TestBatches.batch("loki-1", "loki", entries)).get(10, TimeUnit.SECONDS);

            assertInstanceOf(DeliveryOutcome.Delivered.class, outcome);
            LokiPush sent = LokiJson.decode(loki.onlyRequest().body().getBytes(StandardCharsets.UTF_8));
            assertEquals(byLabels(pushed), byLabels(sent));
        }
    }

    private static Map<Map<String, String>, List<LokiPush.Entry>> byLabels(LokiPush push) {
        Map<Map<String, String>, List<LokiPush.Entry>> out = new HashMap<>();
        for (LokiPush.Stream s : push.streams()) {
            out.put(Map.copyOf(s.labels()), s.entries().stream()
                    .sorted(Comparator.comparingLong(LokiPush.Entry::epochSecond).thenComparingInt(LokiPush.Entry::nano))
                    .toList());
        }
        return out;
    }
}
