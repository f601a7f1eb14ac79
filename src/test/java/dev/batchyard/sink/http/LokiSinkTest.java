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
}
