package dev.batchyard.sink.http;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SplunkSinkTest {
    private static final String TOKEN = "11111111-2222-3333-4444-555555555555";
    private LoopbackServer server;
    private SinkRegistry registry;
    private Sink inTest;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer().answer(200, "{\"text\":\"Success\",\"code\":0}");
        registry = SinkConfig.read(sinks("""
                sinks:
                  splunk:
                    enabled: true
                    url: "%s"
                    token: "%s"
                    index: main
                    timeout: 3s
                """.formatted(server.uri(), TOKEN)), SinkRuntime.create(Clock.systemUTC(), 1));
        inTest = registry.sink("splunk").orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void postsOneHecEventPerEntryWithTheSplunkToken() throws Exception {
        DeliveryOutcome outcome = inTest.deliver(batch("b-1", "splunk", 2)).get(5, TimeUnit.SECONDS);

        assertInstanceOf(DeliveryOutcome.Delivered.class, outcome);
        LoopbackServer.Request req = server.onlyRequest();
        assertEquals("/services/collector/event", req.path());
        assertEquals("Splunk " + TOKEN, req.header("Authorization"));
        String[] events = req.body().strip().split("\n");
        assertEquals(2, events.length);
        JsonNode first = new ObjectMapper().readTree(events[0]);
        assertEquals("main", first.get("index").asText());
        assertEquals("container", first.get("sourcetype").asText());
        assertEquals("orders-0", first.get("source").asText());
        assertEquals(TestBatches.T0.toEpochSecond() + 0.123456789, first.get("time").asDouble(), 1e-6);
        assertEquals("GET /api/orders/0 200", first.get("event").get("message").asText());
    }

    @Test
    void invalidTokenIsPermanentAndTheReasonNeverShowsTheToken() throws Exception {
        // A server that echoes the header it got: the token must still not reach the reason.
        server.answer(r -> Reply.of(403, "{\"text\":\"Invalid token\",\"got\":\"" + r.header("Authorization") + "\"}"));

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class,
                inTest.deliver(batch("b-1", "splunk", 1)).get(5, TimeUnit.SECONDS));

        assertFalse(f.retryable());
        assertTrue(f.reason().contains("Invalid token"), f.reason());
        assertFalse(f.reason().contains(TOKEN), f.reason());
    }

    @Test
    void describeAndToStringNeverShowTheToken() {
        assertFalse(inTest.describe().contains(TOKEN));
        assertFalse(inTest.toString().contains(TOKEN));
        assertFalse(registry.toString().contains(TOKEN));
    }
}
