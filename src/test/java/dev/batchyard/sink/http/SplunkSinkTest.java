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
import dev.batchyard.model.EntryRejection;
import dev.batchyard.model.LogEntry;
import dev.batchyard.sink.Sink;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.LoopbackServer.Reply;
import dev.batchyard.sink.testsupport.LoopbackServer;
import dev.batchyard.sink.testsupport.TestBatches;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    /** A HEC that takes events up to the first without a message and answers as Splunk does for it, token echoed. */
    private Reply hec(LoopbackServer.Request r) throws Exception {
        String[] events = r.body().strip().split("\n");
        for (int i = 0; i < events.length; i++) {
            if (new ObjectMapper().readTree(events[i]).get("event").get("message").asText().isEmpty()) {
                return Reply.of(400, "{\"text\":\"Invalid data format (" + r.header("Authorization")
                        + ")\",\"code\":6,\"invalid-event-number\":" + i + "}");
            }
        }
        return Reply.of(200, "{\"text\":\"Success\",\"code\":0}");
    }

    @Test
    void anInvalidEventNumberNamesThatEntryWithHecsWordsScrubbed() throws Exception {
        server.answer(r -> {
            try {
                return hec(r);
            } catch (Exception e) {
                return Reply.of(500, e.toString());
            }
        });
        List<LogEntry> entries = new ArrayList<>(TestBatches.entries(4));
        entries.set(2, entries.get(2).toBuilder().message("").build());

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class,
                inTest.deliver(batch("b-1", "splunk", entries)).get(5, TimeUnit.SECONDS));

        assertFalse(f.retryable());
        assertEquals(List.of(new EntryRejection(2, "Invalid data format (Splunk ****) (HEC code 6)")), f.rejections());
        assertEquals("1 of 4 entries rejected: Invalid data format (Splunk ****) (HEC code 6)", f.reason());
    }

    @Test
    void aBadRequestWithoutAnEventNumberFailsTheWholeBatchAsBefore() throws Exception {
        server.answer(400, "{\"text\":\"No data\",\"code\":5}");

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class,
                inTest.deliver(batch("b-1", "splunk", 2)).get(5, TimeUnit.SECONDS));

        assertEquals(List.of(), f.rejections());
        assertTrue(f.reason().startsWith("HTTP 400"), f.reason());
    }
}
