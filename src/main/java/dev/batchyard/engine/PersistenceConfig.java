package dev.batchyard.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code persistence} section of {@code config.yaml}, with the Go agent's keys and defaults.
 * Values are validated here, so every way of building one (YAML, CLI, tests) gets the same rules
 * and the same messages: the key, the value, and what is allowed.
 */
public record PersistenceConfig(
        boolean enabled,
        Path directory,
        int maxPendingBatches,
        Duration batchTimeout,
        int maxRecoveryRetries,
        Duration recoveryBackoffBase,
        Duration recoveryBackoffMax,
        Duration cleanupInterval,
        Duration batchTtl) {

    /**
     * Go accepts any positive interval and its ticker then spins; a pass over the whole index every
     * few nanoseconds is a typo, not a policy (and a scheduler cannot run it below a millisecond).
     */
    public static final Duration MIN_CLEANUP_INTERVAL = Duration.ofSeconds(1);
    public static final String CLEANUP_INTERVAL_ALLOWED = "must be at least 1s (each cleanup pass goes through every stored batch)";

    public PersistenceConfig {
        Objects.requireNonNull(directory, "directory");
        requireAtLeast("max_pending_batches", maxPendingBatches, 1);
        requirePositive("batch_timeout", batchTimeout);
        requireAtLeast("max_recovery_retries", maxRecoveryRetries, 0);
        requirePositive("recovery_backoff_base", recoveryBackoffBase);
        requirePositive("recovery_backoff_max", recoveryBackoffMax);
        requirePositive("cleanup_interval", cleanupInterval);
        if (cleanupInterval.compareTo(MIN_CLEANUP_INTERVAL) < 0) {
            throw new ConfigException("persistence.cleanup_interval", cleanupInterval.toString(),
                    CLEANUP_INTERVAL_ALLOWED);
        }
        requirePositive("batch_ttl", batchTtl);
        if (recoveryBackoffMax.compareTo(recoveryBackoffBase) < 0) {
            throw new ConfigException("persistence.recovery_backoff_max", recoveryBackoffMax.toString(),
                    "must be at least recovery_backoff_base (" + recoveryBackoffBase + ")");
        }
    }

    /** The Go agent's defaults, on the given directory. */
    public static PersistenceConfig defaults(Path directory) {
        return new PersistenceConfig(true, directory, 1000, Duration.ofMinutes(30), 10,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
    }

    public PersistenceConfig withDirectory(Path dir) {
        return new PersistenceConfig(enabled, dir, maxPendingBatches, batchTimeout, maxRecoveryRetries,
                recoveryBackoffBase, recoveryBackoffMax, cleanupInterval, batchTtl);
    }

    private static void requireAtLeast(String key, int value, int min) {
        if (value < min) {
            throw new ConfigException("persistence." + key, Integer.toString(value),
                    "must be a whole number >= " + min);
        }
    }

    private static void requirePositive(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException("persistence." + key, value.toString(),
                    "must be a positive Go duration such as 500ms, 30s, 1h30m");
        }
    }
}
