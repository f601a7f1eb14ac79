package dev.batchyard.sink.http;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.Sink;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.LoopbackServer.Reply;
import dev.batchyard.sink.testsupport.LoopbackServer;
import dev.batchyard.sink.testsupport.TestBatches;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LokiSinkTest {
    private LoopbackServer server;
    private SinkRegistry registry;

    @BeforeEach
    void startServer() throws Exception {
        server = new LoopbackServer().answer(204, "");
    }

    @AfterEach
    void stop() {
        server.close();
        if (registry != null) {
            registry.close();
        }
    }

    private Sink loki(String extra) {
        return loki(extra, "3s");
    }

    private Sink loki(String extra, String timeout) {
        registry = SinkConfig.read(sinks("""
                sinks:
                  loki:
                    enabled: true
                    url: "%s"
                    timeout: %s
                    default_labels:
                      job: batchyard
                %s
                """.formatted(server.uri(), timeout, extra)), SinkRuntime.create(Clock.systemUTC(), 1));
        return registry.sink("loki").orElseThrow();
    }

    private DeliveryOutcome send(Sink inTest, int entries) throws Exception {
        return inTest.deliver(batch("b-1", "loki", entries)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void pushesStreamsGroupedByLabelsWithNanosecondTimestamps() throws Exception {
        Sink inTest = loki("");

        assertInstanceOf(DeliveryOutcome.Delivered.class, send(inTest, 4));

        LoopbackServer.Request req = server.onlyRequest();
        assertEquals("POST", req.method());
        assertEquals("/loki/api/v1/push", req.path());
        assertEquals("application/json", req.header("Content-Type"));
        JsonNode streams = new ObjectMapper().readTree(req.body()).get("streams");
        assertEquals(2, streams.size());
        Set<String> services = new HashSet<>();
        for (JsonNode s : streams) {
            assertEquals("batchyard", s.get("stream").get("job").asText());
            services.add(s.get("stream").get("service").asText());
            assertEquals(2, s.get("values").size());
        }
        assertEquals(Set.of("orders", "billing"), services);
        JsonNode first = streams.get(0).get("values").get(0);
        long expectedNs = TestBatches.T0.toEpochSecond() * 1_000_000_000L + TestBatches.T0.getNano();
        assertEquals(Long.toString(expectedNs), first.get(0).asText());
        assertEquals("GET /api/orders/0 200", first.get(1).asText());
    }

    @Test
    void sendsTenantHeaderWhenTenantIsConfigured() throws Exception {
        Sink inTest = loki("    tenant_id: acme");

        send(inTest, 1);

        assertEquals("acme", server.onlyRequest().header("X-Scope-OrgID"));
    }

    @Test
    void sendsNoTenantHeaderWithoutTenant() throws Exception {
        send(loki(""), 1);

        assertNull(server.onlyRequest().header("X-Scope-OrgID"));
    }

    @Test
    void sendsConfiguredHeadersButKeepsItsOwnContentType() throws Exception {
        send(loki("""
                    headers:
                      "User-Agent": "ssw-logs-capture/v0.0.2"
                      "Content-Type": "text/plain"
                """), 1);

        assertEquals("ssw-logs-capture/v0.0.2", server.onlyRequest().header("User-Agent"));
        assertEquals("application/json", server.onlyRequest().header("Content-Type"));
    }

    @Test
    void honoursCustomPushEndpoint() throws Exception {
        send(loki("    push_endpoint: /custom/push"), 1);

        assertEquals("/custom/push", server.onlyRequest().path());
    }

    @Test
    void tooManyRequestsIsRetryable() throws Exception {
        server.answer(429, "rate limited");

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(loki(""), 1));

        assertTrue(f.retryable());
        assertTrue(f.reason().contains("429"), f.reason());
    }

    @Test
    void serverErrorIsRetryable() throws Exception {
        server.answer(500, "ingester down");

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(loki(""), 1));

        assertTrue(f.retryable());
    }

    @Test
    void badRequestIsPermanentWithAnExcerptOfTheAnswer() throws Exception {
        server.answer(400, "entry too far behind for stream {job=\"batchyard\"}");

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(loki(""), 1));

        assertFalse(f.retryable());
        assertTrue(f.reason().contains("HTTP 400"), f.reason());
        assertTrue(f.reason().contains("entry too far behind"), f.reason());
    }

    @Test
    void slowServerTimesOutAsRetryable() throws Exception {
        server.answer(r -> new Reply(204, "", Duration.ofSeconds(3)));

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(loki("", "400ms"), 1));

        assertTrue(f.retryable());
        assertTrue(f.reason().contains("no answer"), f.reason());
    }

    @Test
    void refusedConnectionIsRetryable() throws Exception {
        Sink inTest = loki("");
        server.close();

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(inTest, 1));

        assertTrue(f.retryable(), f.reason());
    }

    /** Go's {@code time.Time.String()} in UTC, as Loki prints an entry's timestamp. */
    private static String goTime(long epochNanos) {
        java.time.Instant t = java.time.Instant.ofEpochSecond(0, epochNanos);
        String fraction = String.format("%09d", t.getNano()).replaceAll("0+$", "");
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                .format(t) + (fraction.isEmpty() ? "" : "." + fraction) + " +0000 UTC";
    }

    /**
     * A Loki that refuses what the real one would with these limits: a line over 25 bytes, and in the
     * orders stream the entry of /orders/2 as out of order; it takes the rest and answers 400 listing
     * each refusal in Loki's words.
     */
    private static Reply strictLoki(LoopbackServer.Request r) throws Exception {
        StringBuilder answer = new StringBuilder();
        for (JsonNode stream : new ObjectMapper().readTree(r.body()).get("streams")) {
            java.util.List<String> labels = new java.util.ArrayList<>();
            stream.get("stream").fields().forEachRemaining(l -> labels.add(l.getKey() + "=\"" + l.getValue().asText() + "\""));
            String name = "{" + String.join(", ", labels) + "}";
            int ignored = 0;
            for (JsonNode value : stream.get("values")) {
                String line = value.get(1).asText();
                if (line.length() > 25) {
                    answer.append("Max entry size '25' bytes exceeded for stream '").append(name)
                            .append("' while adding an entry with length '").append(line.length()).append("' bytes\n");
                } else if (line.contains("/orders/2 ")) {
                    answer.append("entry with timestamp ").append(goTime(Long.parseLong(value.get(0).asText())))
                            .append(" ignored, reason: 'entry out of order',\n");
                    ignored++;
                }
            }
            if (ignored > 0) {
                answer.append("user 'fake', total ignored: ").append(ignored).append(" out of ")
                        .append(stream.get("values").size()).append(" for stream: ").append(name).append("\n");
            }
        }
        return answer.length() == 0 ? Reply.of(204, "") : Reply.of(400, answer.toString());
    }

    @Test
    void aBadRequestNamingStreamsAndTimestampsMarksThoseEntriesWithLokisReason() throws Exception {
        server.answer(r -> {
            try {
                return strictLoki(r);
            } catch (Exception e) {
                return Reply.of(500, e.toString());
            }
        });
        Sink inTest = loki("");
        java.util.List<dev.batchyard.model.LogEntry> entries = new java.util.ArrayList<>(TestBatches.entries(6));
        entries.set(3, entries.get(3).toBuilder().message("x".repeat(40)).build());

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class,
                inTest.deliver(batch("b-1", "loki", entries)).get(5, TimeUnit.SECONDS));

        assertFalse(f.retryable(), "neither refusal goes away by itself");
        assertEquals(java.util.List.of(
                new dev.batchyard.model.EntryRejection(2, "entry out of order"),
                new dev.batchyard.model.EntryRejection(3, "Max entry size '25' bytes exceeded")), f.rejections());
        assertEquals("2 of 6 entries rejected: entry out of order", f.reason());
    }

    @Test
    void aStreamOverItsRateLimitMarksEveryEntryOfThatStreamAndIsRetryable() throws Exception {
        server.answer(429, "Per stream rate limit exceeded (limit: 3MB/sec) while attempting to ingest for stream "
                + "'{job=\"batchyard\", service=\"billing\"}' totaling 2kB, consider splitting a stream via additional "
                + "labels or contact your Loki administrator to see if the limit can be increased");

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(loki(""), 4));

        assertTrue(f.retryable());
        assertEquals(java.util.List.of(1, 3), f.rejections().stream().map(dev.batchyard.model.EntryRejection::index).toList());
        assertEquals("2 of 4 entries rejected: Per stream rate limit exceeded (limit: 3MB/sec)", f.reason());
    }

    @Test
    void aBadRequestThatNamesNoEntryOfTheBatchFailsItAsAWholeAsBefore() throws Exception {
        server.answer(400, "error at least one label pair is required per stream");

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(loki(""), 2));

        assertEquals(java.util.List.of(), f.rejections());
        assertTrue(f.reason().startsWith("HTTP 400"), f.reason());
    }
}
