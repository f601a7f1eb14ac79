package dev.batchyard.demo;

import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.codec.binary.BinaryEntriesCodec;
import dev.batchyard.model.BatchState;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.simulated.SimulatedCounts;
import dev.batchyard.sink.simulated.SimulatedSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generator → real engine on disk → sink layer → simulated sinks that fail and go down, then heal.
 * Delivery is at-least-once in general (a crash or a {@code batch_timeout} can send a batch again),
 * but nothing here provokes a copy, so every batch must arrive exactly once; the counts are printed.
 * (Before the engine recorded outcomes ahead of releasing the in-flight mark, 1–3 of ~45 batches
 * arrived twice here.)
 */
class DemoTrafficEndToEndTest {
    private static final int ENTRIES_PER_BATCH = 5;
    @TempDir
    Path dir;
    private final Clock clock = Clock.systemUTC();
    private final EventBus bus = new EventBus(clock);
    private SinkRegistry registry;
    private SinkDelivery delivery;
    private BatchPersistence engine;
    private TrafficGenerator generator;
    /** Ids the engine acknowledged, with their entry counts. */
    private final Map<String, Integer> persisted = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        if (generator != null) {
            generator.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    private void open(String sinksYaml, List<String> targets) {
        registry = SinkConfig.read(sinks(sinksYaml), SinkRuntime.create(clock, 11));
        delivery = new SinkDelivery(registry, bus, clock);
        PersistenceConfig config = new PersistenceConfig(true, dir, 10_000, Duration.ofMinutes(5), 1_000,
                Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(24));
        engine = BatchPersistence.open(config, delivery, clock, bus,
                EngineOptions.defaults(new BinaryEntriesCodec()).withRecoveryTick(Duration.ofMillis(20)));
        generator = new TrafficGenerator(b -> {
            var view = engine.persistBatch(b);
            persisted.put(b.id(), b.entries().size());
            return view;
        }, targets, 150, ENTRIES_PER_BATCH, clock, 3);
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void everyGeneratedEntryArrivesDespiteFailuresAndAnOutage() throws Exception {
        open("""
                sinks:
                  flaky:
                    enabled: true
                    type: simulated
                    latency: 2ms
                    failure_rate: 0.3
                    circuit_breaker: {failure_threshold: 5, cool_down: 150ms}
                """, List.of("flaky"));
        SimulatedSink flaky = SimulatedSink.in(registry, "flaky").orElseThrow();
        EventSubscription events = bus.subscribe(100_000);

        generator.start();
        await(() -> persisted.size() >= 20, Duration.ofSeconds(20), "traffic before the outage");
        flaky.setOutage(true);
        await(() -> persisted.size() >= 40, Duration.ofSeconds(20), "traffic during the outage");
        generator.stop();
        await(() -> engine.stats().total() > 0, Duration.ofSeconds(5), "batches to pile up during the outage");
        // under load the loop may not have failed five times in a row yet: heal only once the breaker is open
        await(() -> delivery.health("flaky") == SinkHealth.OPEN, Duration.ofSeconds(20), "the breaker to open");
        int pendingAtHeal = engine.stats().total();
        flaky.setOutage(false);
        await(() -> engine.stats().total() == 0, Duration.ofSeconds(30), "the backlog to drain after healing");

        SimulatedCounts counts = flaky.counts();
        assertTrue(persisted.size() >= 40, "batches generated: " + persisted.size());
        assertTrue(pendingAtHeal > 0);
        assertEquals(persisted.keySet(), counts.acceptedByBatch().keySet(), "every batch arrived, nothing unknown");
        long expectedEntries = counts.acceptedByBatch().entrySet().stream()
                .mapToLong(e -> (long) e.getValue() * persisted.get(e.getKey())).sum();
        assertEquals(expectedEntries, counts.acceptedEntries());
        assertEquals(0, engine.stats().count(BatchState.DEAD));
        assertEquals(0, counts.duplicateBatches(), "batches delivered more than once");
        List<String> health = events.drain().stream().filter(BatchEvent.SinkHealthChanged.class::isInstance)
                .map(e -> ((BatchEvent.SinkHealthChanged) e).health().name().toLowerCase(Locale.ROOT)).toList();
        assertTrue(health.contains("open") && health.contains("closed"), "breaker went open and closed: " + health);
        System.out.printf("e2e: %d batches (%d entries) generated, %d attempts, %d failures, %d at heal, "
                        + "%d batches delivered more than once%n", persisted.size(),
                persisted.size() * ENTRIES_PER_BATCH, counts.attempts(), counts.failures(), pendingAtHeal,
                counts.duplicateBatches());
    }

    @Test
    void batchesForASinkThatStaysDownFallBackThroughTheEngine() throws Exception {
        open("""
                sinks:
                  splunk-demo:
                    enabled: true
                    type: simulated
                    latency: 1ms
                    outage: true
                    fallback: loki-demo
                    fallback_after_attempts: 2
                    circuit_breaker: {failure_threshold: 1000}
                  loki-demo: {enabled: true, type: simulated, latency: 1ms}
                """, List.of("splunk-demo"));

        for (int i = 0; i < 20; i++) {
            generator.generateOnce();
        }
        await(() -> engine.stats().total() == 0, Duration.ofSeconds(20), "every batch to reach the fallback");

        SimulatedCounts loki = SimulatedSink.in(registry, "loki-demo").orElseThrow().counts();
        assertEquals(persisted.keySet(), loki.acceptedByBatch().keySet());
        assertEquals(Set.of(), SimulatedSink.in(registry, "splunk-demo").orElseThrow().counts().acceptedByBatch().keySet());
    }
}
