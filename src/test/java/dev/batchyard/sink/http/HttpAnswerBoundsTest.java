package dev.batchyard.sink.http;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A slow, huge or redirecting peer: the whole exchange ends within the sink's timeout, at most a
 * bounded part of the body is read, and a redirect is a visible configuration problem, not a
 * verdict that sends the batch to DEAD.
 */
class HttpAnswerBoundsTest {
    private LoopbackServer server;
    private SinkRegistry registry;
    private final AtomicLong bytesWritten = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
        if (registry != null) {
            registry.close();
        }
    }

    private DeliveryOutcome send(String type, String extra) throws Exception {
        registry = SinkConfig.read(sinks("""
                sinks:
                  %s: {enabled: true, url: "%s", timeout: 1s%s}
                """.formatted(type, server.uri(), extra)), SinkRuntime.create(Clock.systemUTC(), 1));
        // the sink's own future: the lane's extra grace second is not what is tested here
        return registry.sink(type).orElseThrow().deliver(batch("b-1", type, 1)).get(4, TimeUnit.SECONDS);
    }

    /** Sends the headers at once, then {@code chunk} every 100 ms up to {@code total} bytes (or a client hang-up). */
    private void trickle(int status, String first, String chunk, long total) {
        server.answerRaw((req, ex) -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(first.getBytes(StandardCharsets.UTF_8));
                while (bytesWritten.get() < total) {
                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    bytesWritten.addAndGet(chunk.length());
                    if (total < 1_000_000) {
                        Thread.sleep(100);
                    }
                }
            } catch (IOException hungUp) {
                // the client dropped the connection: what these tests expect
            }
        });
    }

    @Test
    void aBodyTrickledSlowerThanTheTimeoutIsCancelledWithinTheTimeout() throws Exception {
        trickle(200, "", " ", 100); // 10 s of body

        long start = System.nanoTime();
        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send("loki", ""));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(f.retryable(), f.reason());
        assertTrue(f.reason().contains("no answer") && f.reason().contains("within PT1S"), f.reason());
        assertTrue(tookMillis < 3_000, "took " + tookMillis + " ms");
    }

    @Test
    void aHugeErrorBodyIsReadOnlyUpToTheLimitAndTheConnectionDropped() throws Exception {
        trickle(400, "{\"error\":\"mapping refused\",\"padding\":\"", "x".repeat(64 * 1024), 512L * 1024 * 1024);

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send("http", ""));

        assertFalse(f.retryable(), f.reason());
        assertTrue(f.reason().contains("HTTP 400") && f.reason().contains("mapping refused"), f.reason());
        assertTrue(bytesWritten.get() < 64L * 1024 * 1024, "server wrote " + bytesWritten.get() + " bytes");
    }

    @Test
    void anEndlessBulkAnswerSayingNoErrorsIsDeliveredFromWhatWasRead() throws Exception {
        String item = "{\"index\":{\"_id\":\"b-1-0\",\"status\":201}},";
        trickle(200, "{\"took\":3,\"errors\":false,\"items\":[", item.repeat(2000), 512L * 1024 * 1024);

        DeliveryOutcome outcome = send("elasticsearch", ", index: logs");

        assertInstanceOf(DeliveryOutcome.Delivered.class, outcome);
        assertTrue(bytesWritten.get() < 64L * 1024 * 1024, "server wrote " + bytesWritten.get() + " bytes");
    }

    @Test
    void aCutBulkAnswerWithAPermanentRefusalIsPermanent() throws Exception {
        String refused = "{\"index\":{\"_id\":\"b-1-0\",\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\","
                + "\"reason\":\"failed to parse\"}}},";
        trickle(200, "{\"took\":3,\"errors\":true,\"items\":[" + refused, "{\"index\":{\"status\":201}},".repeat(2000),
                512L * 1024 * 1024);

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send("elasticsearch", ", index: logs"));

        assertFalse(f.retryable(), f.reason());
        assertTrue(f.reason().contains("mapper_parsing_exception"), f.reason());
        assertTrue(f.reason().contains("cut"), f.reason());
    }

    @Test
    void aCutBulkAnswerWithOnlyRetryableRefusalsSoFarIsRetried() throws Exception {
        String busy = "{\"index\":{\"_id\":\"b-1-0\",\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\"}}},";
        trickle(200, "{\"took\":3,\"errors\":true,\"items\":[", busy.repeat(1000), 512L * 1024 * 1024);

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send("elasticsearch", ", index: logs"));

        assertTrue(f.retryable(), f.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void aRedirectIsAConfigurationProblemThatHoldsTheBatchNamingWhereTheUrlLeads(int status) throws Exception {
        server.answerRaw((req, ex) -> {
            ex.getResponseHeaders().set("Location", "https://loki.example:3100/loki/api/v1/push?token=hidden-123");
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });

        // typed as a configuration problem: held without spending retries (it was a retryable
        // failure, which spent the budget and ended DEAD)
        DeliveryOutcome.Misconfigured f = assertInstanceOf(DeliveryOutcome.Misconfigured.class, send("loki", ""));

        assertTrue(f.reason().startsWith("sink URL redirects to https://loki.example:3100/loki/api/v1/push"), f.reason());
        assertTrue(f.reason().contains("fix the URL in config.yaml"), f.reason());
        assertFalse(f.reason().contains("hidden-123"), f.reason());
        assertTrue(server.requests().size() == 1, "the redirect is not followed");
    }
}
