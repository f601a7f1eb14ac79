package dev.batchyard.sink;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.simulated.SimulatedSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerDeliveryTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final EventBus bus = new EventBus(clock);
    private EventSubscription events;
    private SinkRegistry registry;
    private SimulatedSink sim;
    private SinkDelivery inTest;

    @BeforeEach
    void start() {
        registry = SinkConfig.read(sinks("""
                sinks:
                  loki-demo:
                    enabled: true
                    type: simulated
                    latency: 0s
                    circuit_breaker: {failure_threshold: 3, cool_down: 30s}
                """), SinkRuntime.create(clock, 1));
        sim = SimulatedSink.in(registry, "loki-demo").orElseThrow();
        events = bus.subscribe(100);
        inTest = new SinkDelivery(registry, bus, clock);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private DeliveryOutcome send(String id) throws Exception {
        return inTest.deliver(batch(id, "loki-demo", 1)).get(5, TimeUnit.SECONDS);
    }

    private void failThreeTimes() throws Exception {
        sim.setOutage(true);
        for (int i = 0; i < 3; i++) {
            send("b-" + i);
        }
    }

    private List<String> healthEvents() {
        return events.drain().stream().filter(BatchEvent.SinkHealthChanged.class::isInstance)
                .map(e -> ((BatchEvent.SinkHealthChanged) e).health().name().toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void opensAfterThresholdConsecutiveFailuresAndHolds() throws Exception {
        failThreeTimes();

        assertEquals(Admission.hold(), inTest.admit("loki-demo"));
        SinkStatus h = inTest.status("loki-demo").orElseThrow();
        assertEquals(SinkHealth.OPEN, h.health());
        assertEquals(3, h.consecutiveFailures());
        assertEquals(clock.instant().plusSeconds(30), h.nextProbeAt());
        assertEquals(List.of("open"), healthEvents());
    }

    @Test
    void anOpeningSaysWhyAsValuesForTheAppToWord() throws Exception {
        Instant openedAt = clock.instant();
        failThreeTimes();

        BatchEvent.SinkHealthChanged opened = events.drain().stream()
                .filter(BatchEvent.SinkHealthChanged.class::isInstance).map(BatchEvent.SinkHealthChanged.class::cast)
                .findFirst().orElseThrow();

        assertEquals(BatchEvent.SinkHealthChanged.Cause.FAILURES, opened.cause());
        assertEquals(3, opened.failures());
        assertEquals(openedAt.plusSeconds(30), opened.until());
        assertTrue(opened.lastFailure().contains("loki-demo"), opened.lastFailure());
        assertTrue(opened.detail().startsWith("3 consecutive failures; holding batches until"), opened.detail());
    }

    @Test
    void staysClosedBelowThreshold() throws Exception {
        sim.setOutage(true);
        send("b-1");
        send("b-2");

        assertEquals(Admission.send(), inTest.admit("loki-demo"));
        assertEquals(List.of(), healthEvents());
    }

    @Test
    void deliveryWhileOpenFailsFastWithoutTouchingTheSink() throws Exception {
        failThreeTimes();
        long attempts = sim.counts().attempts();

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send("b-9"));

        assertTrue(f.retryable());
        assertTrue(f.reason().contains("circuit breaker"), f.reason());
        assertEquals(attempts, sim.counts().attempts());
    }

    @Test
    void afterCoolDownOneProbePassesAndItsSuccessCloses() throws Exception {
        failThreeTimes();
        healthEvents();
        clock.advance(Duration.ofSeconds(30));
        sim.setOutage(false);

        assertEquals(Admission.send(), inTest.admit("loki-demo"));
        assertInstanceOf(DeliveryOutcome.Delivered.class, send("probe"));

        assertEquals(Admission.send(), inTest.admit("loki-demo"));
        assertEquals(SinkHealth.CLOSED, inTest.status("loki-demo").orElseThrow().health());
        assertEquals(List.of("half_open", "closed"), healthEvents());
    }

    @Test
    void failedProbeOpensForAnotherCoolDown() throws Exception {
        failThreeTimes();
        healthEvents();
        clock.advance(Duration.ofSeconds(30));

        send("probe");

        assertEquals(Admission.hold(), inTest.admit("loki-demo"));
        assertEquals(clock.instant().plusSeconds(30), inTest.status("loki-demo").orElseThrow().nextProbeAt());
        assertEquals(List.of("half_open", "open"), healthEvents());
    }

    @Test
    void gateLetsOnlyOneBatchProbeAfterTheCoolDown() throws Exception {
        failThreeTimes();
        clock.advance(Duration.ofSeconds(30));

        assertEquals(Admission.send(), inTest.admit("loki-demo"));
        assertEquals(Admission.hold(), inTest.admit("loki-demo"));
    }

    @Test
    void askingWhetherTheSinkAcceptsReroutesTakesNoProbe() throws Exception {
        failThreeTimes();
        clock.advance(Duration.ofSeconds(30));

        assertTrue(inTest.health("loki-demo").configured());

        assertEquals(Admission.send(), inTest.admit("loki-demo"));
    }

    @Test
    void readingHealthTakesNoProbeLease() throws Exception {
        failThreeTimes();
        clock.advance(Duration.ofSeconds(30));

        for (int poll = 0; poll < 3; poll++) {
            assertEquals(SinkHealth.OPEN, inTest.health("loki-demo"));
            assertEquals(SinkHealth.OPEN, inTest.status("loki-demo").orElseThrow().health());
        }

        assertEquals(Admission.send(), inTest.admit("loki-demo"));
    }

    @Test
    void healthIsHalfOpenWhileTheProbeIsOut() throws Exception {
        failThreeTimes();
        clock.advance(Duration.ofSeconds(30));
        sim.setLatency(Duration.ofMillis(300));

        var probe = inTest.deliver(batch("probe", "loki-demo", 1));

        assertEquals(SinkHealth.HALF_OPEN, inTest.health("loki-demo"));
        probe.get(5, TimeUnit.SECONDS);
    }

    @Test
    void unusedProbeLeaseExpiresAfterTheSinksTimeout() throws Exception {
        failThreeTimes();
        clock.advance(Duration.ofSeconds(30));
        inTest.admit("loki-demo");

        clock.advance(registry.sink("loki-demo").orElseThrow().timeout().plusSeconds(2));

        assertEquals(Admission.send(), inTest.admit("loki-demo"));
    }

    @Test
    void operatorResetClosesTheBreakerAtOnce() throws Exception {
        failThreeTimes();
        healthEvents();

        inTest.resetBreaker("loki-demo");

        assertEquals(Admission.send(), inTest.admit("loki-demo"));
        assertEquals(List.of("closed"), healthEvents());
    }

    @Test
    void onlyOneProbeAtATimeWhileHalfOpen() throws Exception {
        failThreeTimes();
        clock.advance(Duration.ofSeconds(30));
        sim.setLatency(Duration.ofMillis(300));

        var probe = inTest.deliver(batch("probe", "loki-demo", 1));

        assertEquals(Admission.hold(), inTest.admit("loki-demo"));
        assertInstanceOf(DeliveryOutcome.Failed.class, send("second"));
        probe.get(5, TimeUnit.SECONDS);
    }
}
