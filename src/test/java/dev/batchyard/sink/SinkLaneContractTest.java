package dev.batchyard.sink;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the delivery layer promises the engine whatever a single sink answers. */
class SinkLaneContractTest {

    /** A sink that answers what it is told to. */
    private record Answering(DeliveryOutcome answer) implements Sink {
        @Override
        public String name() {
            return "odd";
        }

        @Override
        public String type() {
            return "http";
        }

        @Override
        public String describe() {
            return "a sink answering " + answer;
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
            return CompletableFuture.completedFuture(answer);
        }
    }

    @Test
    void aSinkThatAnswersARerouteItselfGetsARetryableFailure() throws Exception {
        Sink odd = new Answering(new DeliveryOutcome.Reroute("elsewhere", "I would rather not"));
        try (SinkRegistry registry = new SinkRegistry(List.of(new ConfiguredSink(odd, SinkPolicy.defaults())), Map.of(),
                SinkRuntime.create(Clock.systemUTC(), 1))) {
            SinkDelivery inTest = new SinkDelivery(registry, new EventBus(Clock.systemUTC()), Clock.systemUTC());

            DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class,
                    inTest.deliver(batch("b-1", "odd", 1)).get(5, TimeUnit.SECONDS));

            assertTrue(f.retryable());
            assertTrue(f.reason().contains("only the delivery layer's fallback policy"), f.reason());
            assertEquals(1, inTest.status("odd").orElseThrow().consecutiveFailures());
        }
    }
}
