package dev.batchyard.sink;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.EventSubscription;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every failure reason leaves the sink layer through one scrubber, whatever the sink did: the
 * engine, the breaker's health and the events get one line of text with no credential in it.
 */
class FailureReasonBoundaryTest {
    private static final String TOKEN = "Zm9vOmJhcg-tok3n";
    private final EventBus bus = new EventBus(Clock.systemUTC());
    private SinkRegistry registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    /** A sink whose every delivery ends as {@code how} says, one failure opening its breaker. */
    private SinkDelivery deliveryThrough(Function<Batch, CompletableFuture<DeliveryOutcome>> how) {
        Sink sink = new Sink() {
            public String name() {
                return "odd";
            }

            public String type() {
                return "http";
            }

            public String describe() {
                return "a sink under test";
            }

            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            public List<Secret> secrets() {
                return List.of(Secret.of(TOKEN));
            }

            public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
                return how.apply(batch);
            }
        };
        SinkPolicy oneStrike = new SinkPolicy(1, 1, Duration.ofSeconds(30), new RecoveryStrategy.DeadLetter());
        registry = new SinkRegistry(List.of(new ConfiguredSink(sink, oneStrike)), Map.of(),
                SinkRuntime.create(Clock.systemUTC(), 1));
        return new SinkDelivery(registry, bus, Clock.systemUTC());
    }

    private static void assertClean(String reason) {
        assertFalse(reason.contains(TOKEN), reason);
        assertFalse(reason.contains("\n"), reason);
        assertFalse(reason.contains("\u001b"), reason);
    }

    @Test
    void aSinkThatThrowsTheJdksInvalidHeaderErrorHasTheValueScrubbed() throws Exception {
        SinkDelivery inTest = deliveryThrough(b -> {
            throw new IllegalArgumentException("invalid header value: \"Bearer " + TOKEN + "\n\u001b[31mX\"");
        });
        EventSubscription events = bus.subscribe(10);

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class,
                inTest.deliver(batch("b-1", "odd", 1)).get(5, TimeUnit.SECONDS));

        assertClean(f.reason());
        assertTrue(f.reason().contains("\\u001B[31m"), f.reason());
        assertClean(inTest.status("odd").orElseThrow().lastFailure());
        BatchEvent.SinkHealthChanged opened = events.drain().stream()
                .filter(BatchEvent.SinkHealthChanged.class::isInstance).map(BatchEvent.SinkHealthChanged.class::cast)
                .findFirst().orElseThrow();
        assertClean(String.valueOf(opened.lastFailure()) + opened.detail());
    }

    @Test
    void aCredentialShapedValueIsHiddenEvenWhenTheSinkDoesNotKnowIt() throws Exception {
        SinkDelivery inTest = deliveryThrough(b -> CompletableFuture.completedFuture(DeliveryOutcome.permanent(
                "HTTP 401 from http://u:pw9@h/?api_key=k3y-999: {\"sent\":\"Authorization: Bearer AbC123xyz789\"}")));

        String reason = ((DeliveryOutcome.Failed) inTest.deliver(batch("b-1", "odd", 1)).get(5, TimeUnit.SECONDS))
                .reason();

        assertFalse(reason.contains("pw9"), reason);
        assertFalse(reason.contains("k3y-999"), reason);
        assertFalse(reason.contains("AbC123xyz789"), reason);
        assertTrue(reason.startsWith("HTTP 401 from http://****@h/?api_key=****"), reason);
    }

    @Test
    void anEndlessReasonIsCutToTheLimit() throws Exception {
        SinkDelivery inTest = deliveryThrough(b -> CompletableFuture.completedFuture(
                DeliveryOutcome.retryable("x".repeat(1_000_000))));

        String reason = ((DeliveryOutcome.Failed) inTest.deliver(batch("b-1", "odd", 1)).get(5, TimeUnit.SECONDS))
                .reason();

        assertTrue(reason.length() <= 2000, () -> "length " + reason.length()); // FailureReasonScrubber.MAX_LENGTH
    }
}
