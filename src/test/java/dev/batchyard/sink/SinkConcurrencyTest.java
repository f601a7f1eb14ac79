package dev.batchyard.sink;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.LoopbackServer.Reply;
import dev.batchyard.sink.testsupport.LoopbackServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SinkConcurrencyTest {
    private LoopbackServer server;
    private SinkRegistry registry;
    private SinkDelivery inTest;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer().answer(r -> new Reply(200, "", Duration.ofMillis(200)));
        registry = SinkConfig.read(sinks("""
                sinks:
                  http: {enabled: true, url: "%s", max_concurrency: 2}
                """.formatted(server.uri())), SinkRuntime.create(Clock.systemUTC(), 1));
        inTest = new SinkDelivery(registry, new EventBus(Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void neverHasMoreThanMaxConcurrencyRequestsInFlightAndQueuesTheRest() throws Exception {
        List<CompletableFuture<DeliveryOutcome>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(inTest.deliver(batch("b-" + i, "http", 1)));
        }

        for (CompletableFuture<DeliveryOutcome> f : all) {
            assertInstanceOf(DeliveryOutcome.Delivered.class, f.get(10, TimeUnit.SECONDS));
        }
        assertEquals(6, server.requests().size());
        assertEquals(2, server.maxConcurrentRequests());
    }

    @Test
    void gateHoldsWhileEverySlotIsTaken() throws Exception {
        CompletableFuture<DeliveryOutcome> a = inTest.deliver(batch("b-1", "http", 1));
        CompletableFuture<DeliveryOutcome> b = inTest.deliver(batch("b-2", "http", 1));

        assertEquals(Admission.hold(), inTest.admit("http"));

        a.get(5, TimeUnit.SECONDS);
        b.get(5, TimeUnit.SECONDS);
        assertEquals(Admission.send(), inTest.admit("http"));
    }

    @Test
    void batchesQueuedAtAShutdownAreAnsweredNotSentWithoutOpeningTheBreaker() throws Exception {
        List<CompletableFuture<DeliveryOutcome>> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // 2 in flight, 6 queued: over the breaker's 5 failures
            all.add(inTest.deliver(batch("b-" + i, "http", 1)));
        }
        registry.close(); // the layer shuts down while the sink still holds two

        List<String> notSent = new ArrayList<>();
        for (CompletableFuture<DeliveryOutcome> f : all) {
            if (f.get(10, TimeUnit.SECONDS) instanceof DeliveryOutcome.Failed failed
                    && failed.reason().startsWith("sink layer shut down before batch")) {
                notSent.add(failed.reason());
            }
        }
        assertEquals(6, notSent.size(), notSent.toString());
        assertEquals(SinkHealth.CLOSED, inTest.health("http"), "the sink failed nothing: its breaker stays closed");
    }
}
