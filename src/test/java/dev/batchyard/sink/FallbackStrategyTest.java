package dev.batchyard.sink;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static dev.batchyard.sink.testsupport.TestBatches.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.batchyard.engine.Delivery.Gate;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.model.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FallbackStrategyTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private SinkRegistry registry;
    private SinkDelivery inTest;

    @BeforeEach
    void start() {
        registry = SinkRegistry.fromConfig(sinks("""
                sinks:
                  splunk-demo:
                    enabled: true
                    type: simulated
                    latency: 0s
                    outage: true
                    fallback: loki-demo
                    fallback_after_attempts: 3
                    fallback_after_open: 2m
                    circuit_breaker: {failure_threshold: 1, cool_down: 30s}
                  loki-demo: {enabled: true, type: simulated, latency: 0s}
                  elastic-demo: {enabled: true, type: simulated, latency: 0s}
                """), SinkRuntime.create(clock, 1));
        inTest = new SinkDelivery(registry, new EventBus(clock), clock);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static List<Attempt> failures(String sink, int n) {
        List<Attempt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Attempt(Instant.EPOCH, sink, Duration.ofMillis(5), Attempt.Outcome.FAILED, "503"));
        }
        return out;
    }

    @Test
    void keepsTheBatchWhereItIsBeforeNFailedAttempts() {
        assertEquals(Optional.empty(), inTest.fallbackFor(view("b", "splunk-demo", 1, 2, failures("splunk-demo", 2))));
    }

    @Test
    void choosesTheFallbackAfterNFailedAttempts() {
        assertEquals(Optional.of("loki-demo"), inTest.fallbackFor(view("b", "splunk-demo", 1, 3, failures("splunk-demo", 3))));
    }

    @Test
    void countsOnlyTheTrailingFailuresOnThisSink() {
        List<Attempt> history = new ArrayList<>(failures("elastic-demo", 5));
        history.addAll(failures("splunk-demo", 2));

        assertEquals(Optional.empty(), inTest.fallbackFor(view("b", "splunk-demo", 1, 7, history)));
    }

    @Test
    void usesTheRetryCountWhenNoAttemptsAreRecorded() {
        assertEquals(Optional.of("loki-demo"), inTest.fallbackFor(view("b", "splunk-demo", 1, 3, List.of())));
    }

    @Test
    void deadLetterSinksNeverFallBack() {
        assertEquals(Optional.empty(), inTest.fallbackFor(view("b", "elastic-demo", 1, 9, failures("elastic-demo", 9))));
    }

    @Test
    void breakerOpenLongerThanTheLimitLetsBatchesFailFastAndFallBack() throws Exception {
        inTest.deliver(batch("b-0", "splunk-demo", 1)).get(5, TimeUnit.SECONDS);
        assertEquals(Gate.HOLD, inTest.gate("splunk-demo"));

        clock.advance(Duration.ofMinutes(2));

        assertEquals(Gate.OPEN, inTest.gate("splunk-demo"));
        assertInstanceOf(DeliveryOutcome.Failed.class, inTest.deliver(batch("b-1", "splunk-demo", 1)).get(5, TimeUnit.SECONDS));
        assertEquals(Optional.of("loki-demo"), inTest.fallbackFor(view("b-1", "splunk-demo", 1, 1, failures("splunk-demo", 1))));
    }
}
