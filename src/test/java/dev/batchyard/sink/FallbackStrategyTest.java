package dev.batchyard.sink;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.entries;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static dev.batchyard.sink.testsupport.TestBatches.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.model.Attempt;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.simulated.SimulatedSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sink layer's one fallback rule, seen through the engine's seam: a failed attempt is answered
 * as a reroute once the batch has failed here often enough (its history as handed over, plus this
 * attempt), and a sink whose breaker has been open too long reroutes batches before sending them.
 */
class FallbackStrategyTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private SinkRegistry registry;
    private SinkDelivery inTest;

    @BeforeEach
    void start() {
        registry = SinkConfig.read(sinks("""
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

    /** One more attempt of a batch that has {@code retries} retries and {@code history} behind it. */
    private DeliveryOutcome attempt(String sink, int retries, List<Attempt> history) throws Exception {
        Batch b = new Batch(view("b", sink, 1, retries, history), entries(1));
        return inTest.deliver(b).get(5, TimeUnit.SECONDS);
    }

    @Test
    void keepsTheBatchWhereItIsBeforeNFailedAttempts() throws Exception {
        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class,
                attempt("splunk-demo", 1, failures("splunk-demo", 1)));
        assertTrue(f.retryable());
    }

    @Test
    void choosesTheFallbackAfterNFailedAttempts() throws Exception {
        DeliveryOutcome.Reroute r = assertInstanceOf(DeliveryOutcome.Reroute.class,
                attempt("splunk-demo", 2, failures("splunk-demo", 2)));
        assertEquals("loki-demo", r.target());
        assertTrue(r.reason().contains("splunk-demo"), r.reason());
    }

    @Test
    void countsOnlyTheTrailingFailuresOnThisSink() throws Exception {
        List<Attempt> history = new ArrayList<>(failures("elastic-demo", 5));
        history.addAll(failures("splunk-demo", 1));

        assertInstanceOf(DeliveryOutcome.Failed.class, attempt("splunk-demo", 6, history));
    }

    @Test
    void usesTheRetryCountWhenNoAttemptsAreRecorded() throws Exception {
        DeliveryOutcome.Reroute r = assertInstanceOf(DeliveryOutcome.Reroute.class, attempt("splunk-demo", 2, List.of()));
        assertEquals("loki-demo", r.target());
    }

    @Test
    void deadLetterSinksNeverFallBack() throws Exception {
        SimulatedSink.in(registry, "elastic-demo").orElseThrow().setOutage(true);

        assertInstanceOf(DeliveryOutcome.Failed.class, attempt("elastic-demo", 8, failures("elastic-demo", 8)));
    }

    @Test
    void breakerOpenLongerThanTheLimitFallsBackAfterTheProbeAndBeforeSending() throws Exception {
        SimulatedSink splunk = SimulatedSink.in(registry, "splunk-demo").orElseThrow();
        inTest.deliver(batch("b-0", "splunk-demo", 1)).get(5, TimeUnit.SECONDS);
        assertEquals(Admission.hold(), inTest.admit("splunk-demo"));

        clock.advance(Duration.ofMinutes(2));

        assertEquals(Admission.send(), inTest.admit("splunk-demo")); // the probe still goes: the sink may be back
        DeliveryOutcome.Reroute afterProbe = assertInstanceOf(DeliveryOutcome.Reroute.class,
                inTest.deliver(batch("b-1", "splunk-demo", 1)).get(5, TimeUnit.SECONDS));
        assertEquals("loki-demo", afterProbe.target());
        long attempts = splunk.counts().attempts();
        Admission.Reroute beforeSending = assertInstanceOf(Admission.Reroute.class, inTest.admit("splunk-demo"));
        assertEquals("loki-demo", beforeSending.target());
        assertTrue(beforeSending.reason().contains("fallback_after_open 2m0s"), beforeSending.reason());
        assertEquals(attempts, splunk.counts().attempts());
    }

    @Test
    void aBreakerOpenShorterThanTheLimitHolds() throws Exception {
        inTest.deliver(batch("b-0", "splunk-demo", 1)).get(5, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(29));

        assertEquals(Admission.hold(), inTest.admit("splunk-demo"));
    }
}
