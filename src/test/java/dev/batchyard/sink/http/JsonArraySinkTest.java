package dev.batchyard.sink.http;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.Sink;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.LoopbackServer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonArraySinkTest {
    private LoopbackServer server;
    private SinkRegistry registry;
    private Sink inTest;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer().answer(202, "");
        registry = SinkConfig.read(sinks("""
                sinks:
                  http:
                    enabled: true
                    url: "%s/ingest"
                    headers:
                      X-Team: platform
                    auth:
                      type: bearer
                      token: tok-123
                """.formatted(server.uri())), SinkRuntime.create(Clock.systemUTC(), 1));
        inTest = registry.sink("http").orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void postsTheEntriesAsOneJsonArrayWithTheBatchId() throws Exception {
        assertInstanceOf(DeliveryOutcome.Delivered.class, inTest.deliver(batch("b-9", "http", 3)).get(5, TimeUnit.SECONDS));

        LoopbackServer.Request req = server.onlyRequest();
        assertEquals("/ingest", req.path());
        assertEquals("b-9", req.header(JsonArraySink.BATCH_ID_HEADER));
        JsonNode array = new ObjectMapper().readTree(req.body());
        assertTrue(array.isArray());
        assertEquals(3, array.size());
        assertEquals("trace-2", array.get(2).get("trace_id").asText());
    }

    @Test
    void sendsConfiguredHeadersAndBearerToken() throws Exception {
        inTest.deliver(batch("b-9", "http", 1)).get(5, TimeUnit.SECONDS);

        assertEquals("platform", server.onlyRequest().header("X-Team"));
        assertEquals("Bearer tok-123", server.onlyRequest().header("Authorization"));
    }
}
