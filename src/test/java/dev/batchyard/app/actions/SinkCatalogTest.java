package dev.batchyard.app.actions;

import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.LogEntry;
import dev.batchyard.runtime.SinkLayer;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.simulated.SimulatedSink;
import dev.batchyard.sink.testsupport.TestBatches;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkCatalogTest {
    private static final Actor ANA = new Actor("ana");
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final EventBus bus = new EventBus(clock);
    private SinkRegistry registry;
    private BatchPersistence engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void pollingHealthAfterTheCoolDownDoesNotHoldBackTheRecoveryLoopsProbe() throws Exception {
        registry = SinkConfig.read(sinks("""
                sinks:
                  loki:
                    enabled: true
                    type: simulated
                    latency: 0s
                    outage: true
                    circuit_breaker: {failure_threshold: 1, cool_down: 30s}
                """), SinkRuntime.create(clock, 1));
        SimulatedSink loki = SimulatedSink.in(registry, "loki").orElseThrow();
        SinkLayer sinks = SinkLayer.configured(registry, clock);
        engine = BatchPersistence.open(PersistenceConfig.defaults(dir.resolve("store")), sinks.connect(bus), clock, bus,
                EngineOptions.defaults().withJitter(() -> 0.5).withRecoveryTick(Duration.ofMillis(20)));
        SinkCatalog inTest = new SinkCatalog(sinks::status, List.of("loki"), List::of);
        List<LogEntry> entries = TestBatches.entries(1);
        engine.persistBatch("b-1", entries, "loki");
        eventually(() -> engine.find("b-1").orElseThrow().state() == BatchState.RETRY_WAIT, "the first attempt failed");

        engine.pauseRecovery(ANA);
        loki.setOutage(false);
        clock.advance(Duration.ofSeconds(31)); // past the cool-down and the backoff; the clock stands still from here
        for (int poll = 0; poll < 3; poll++) {
            inTest.choices(); // as the status bar does, once a second
        }
        engine.resumeRecovery(ANA);

        eventually(() -> engine.find("b-1").isEmpty(), "the recovery loop's probe delivered b-1");
        assertEquals(2, loki.counts().attempts());
    }
}
