package dev.batchyard.sink.kafka;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.TestBatches;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The real engine over the real sink layer, as the app wires them, with a kafka sink named
 * {@code kafka} and whatever other sinks the YAML gives: for the tests that go through the
 * recovery loop (broker restarts, reroutes, the benchmark). Short backoff, many retries.
 */
final class KafkaEngine implements AutoCloseable {
    final SinkRegistry sinks;
    final BatchPersistence engine;
    final EventBus bus;

    KafkaEngine(Path store, String sinksYaml) {
        this(store, sinksYaml, 1000);
    }

    KafkaEngine(Path store, String sinksYaml, int maxRetries) {
        this(store, sinksYaml, maxRetries, EngineOptions.defaults().withRecoveryTick(Duration.ofMillis(20)));
    }

    /** With the engine's own options: {@code EngineOptions.defaults()} is the app's recovery loop. */
    KafkaEngine(Path store, String sinksYaml, int maxRetries, EngineOptions options) {
        Clock clock = Clock.systemUTC();
        bus = new EventBus(clock);
        sinks = SinkConfig.read(TestBatches.sinks(sinksYaml), SinkRuntime.create(clock, 1));
        PersistenceConfig defaults = PersistenceConfig.defaults(store);
        PersistenceConfig config = new PersistenceConfig(true, store, 100_000, Duration.ofMinutes(5), maxRetries,
                Duration.ofMillis(100), Duration.ofSeconds(1), defaults.cleanupInterval(), defaults.batchTtl());
        engine = BatchPersistence.open(config, new SinkDelivery(sinks, bus, clock), clock, bus, options);
    }

    static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        engine.close();
        sinks.close();
    }
}
