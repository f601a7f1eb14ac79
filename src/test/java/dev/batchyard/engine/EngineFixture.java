package dev.batchyard.engine;

import dev.batchyard.engine.events.EventBus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Opens engines on a test directory with a hand-moved clock and no jitter. */
final class EngineFixture {
    final Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T18:00:00Z"));
    final EventBus bus = new EventBus(clock);
    PersistenceConfig config;
    EngineOptions options = EngineOptions.defaults()
            .withJitter(() -> 0.5).withRecoveryTick(Duration.ofMillis(20));

    EngineFixture(Path dir) {
        this.dir = dir;
        this.config = PersistenceConfig.defaults(dir.resolve("store"));
    }

    BatchPersistence open(Delivery delivery) {
        return BatchPersistence.open(config, delivery, clock, bus, options);
    }

    BatchPersistence open() {
        return open(Delivery.none());
    }

    EngineFixture limits(int maxPending, int maxRetries) {
        config = new PersistenceConfig(true, config.directory(), maxPending, config.batchTimeout(), maxRetries,
                config.recoveryBackoffBase(), config.recoveryBackoffMax(), config.cleanupInterval(), config.batchTtl());
        return this;
    }

    EngineFixture sizeLimits(long maxBatchBytes, long maxPendingBytes) {
        config = config.withSizeLimits(maxBatchBytes, maxPendingBytes);
        return this;
    }

    EngineFixture batchTimeout(Duration timeout) {
        config = new PersistenceConfig(true, config.directory(), config.maxPendingBatches(), timeout,
                config.maxRecoveryRetries(), config.recoveryBackoffBase(), config.recoveryBackoffMax(),
                config.cleanupInterval(), config.batchTtl());
        return this;
    }
}
