package dev.batchyard.engine;

import dev.batchyard.engine.store.StoreLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code persistence} section of {@code config.yaml}, with the Go agent's keys and defaults,
 * and Batchyard's own two size limits ({@code max_batch_bytes}, {@code max_pending_bytes}; sizes are
 * those of the batches' records in the store, see {@link StoreLimits}). Values are validated here,
 * so every way of building one (YAML, CLI, tests) gets the same rules and the same messages: the
 * key, the value, and what is allowed.
 *
 * <p>{@code enabled} must be {@code true}. The Go agent with {@code enabled: false} acknowledges
 * every batch without writing it anywhere; Batchyard is the store of those batches and never
 * acknowledges a batch it has not stored, so it refuses the setting instead of ignoring it.
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
        Duration batchTtl,
        long maxBatchBytes,
        long maxPendingBytes) {

    /**
     * Go accepts any positive interval and its ticker then spins; a pass over the whole index every
     * few nanoseconds is a typo, not a policy (and a scheduler cannot run it below a millisecond).
     */
    public static final Duration MIN_CLEANUP_INTERVAL = Duration.ofSeconds(1);
    public static final String CLEANUP_INTERVAL_ALLOWED = "must be at least 1s (each cleanup pass goes through every stored batch)";
    public static final String ENABLED_ALLOWED = "must be true: with enabled: false the Go agent acknowledges batches "
            + "without storing them, and Batchyard, the store of those batches, never does (remove the key or set it to true)";
    /** Below this, a batch's metadata alone could fill its record. */
    public static final long MIN_BATCH_BYTES = 1024;
    /** Far below the largest record the log can hold; a batch is read whole into memory when it is sent. */
    public static final long DEFAULT_MAX_BATCH_BYTES = 64L * 1024 * 1024;
    /** As Logstash's {@code queue.max_bytes}. */
    public static final long DEFAULT_MAX_PENDING_BYTES = 1024L * 1024 * 1024;

    public PersistenceConfig {
        Objects.requireNonNull(directory, "directory");
        if (!enabled) {
            throw new ConfigException("persistence.enabled", "false", ENABLED_ALLOWED);
        }
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
        if (maxBatchBytes < MIN_BATCH_BYTES || maxBatchBytes > StoreLimits.MAX_RECORD_BYTES) {
            throw new ConfigException("persistence.max_batch_bytes", Long.toString(maxBatchBytes), maxBatchBytesAllowed());
        }
        if (maxPendingBytes < maxBatchBytes) {
            throw new ConfigException("persistence.max_pending_bytes", Long.toString(maxPendingBytes),
                    maxPendingBytesAllowed(maxBatchBytes));
        }
    }

    /** The Go agent's nine keys, with Batchyard's size limits at their defaults. */
    public PersistenceConfig(boolean enabled, Path directory, int maxPendingBatches, Duration batchTimeout,
                             int maxRecoveryRetries, Duration recoveryBackoffBase, Duration recoveryBackoffMax,
                             Duration cleanupInterval, Duration batchTtl) {
        this(enabled, directory, maxPendingBatches, batchTimeout, maxRecoveryRetries, recoveryBackoffBase,
                recoveryBackoffMax, cleanupInterval, batchTtl, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_PENDING_BYTES);
    }

    public static String maxBatchBytesAllowed() {
        return "must be a size from " + MIN_BATCH_BYTES + " bytes (1KiB) to " + StoreLimits.MAX_RECORD_BYTES
                + " bytes (256MiB and the 9-byte record header, the largest record the store can hold), such as 64MiB";
    }

    public static String maxPendingBytesAllowed(long maxBatchBytes) {
        return "must be a size of at least max_batch_bytes (" + maxBatchBytes + " bytes), such as 1GiB";
    }

    /** What the store refuses beyond: these limits in the store's terms. */
    public StoreLimits storeLimits() {
        return new StoreLimits(maxPendingBatches, maxBatchBytes, maxPendingBytes);
    }

    /** The Go agent's defaults, on the given directory. */
    public static PersistenceConfig defaults(Path directory) {
        return new PersistenceConfig(true, directory, 1000, Duration.ofMinutes(30), 10,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24),
                DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_PENDING_BYTES);
    }

    public PersistenceConfig withDirectory(Path dir) {
        return new PersistenceConfig(enabled, dir, maxPendingBatches, batchTimeout, maxRecoveryRetries,
                recoveryBackoffBase, recoveryBackoffMax, cleanupInterval, batchTtl, maxBatchBytes, maxPendingBytes);
    }

    /** The same, with other size limits. */
    public PersistenceConfig withSizeLimits(long batchBytes, long pendingBytes) {
        return new PersistenceConfig(enabled, directory, maxPendingBatches, batchTimeout, maxRecoveryRetries,
                recoveryBackoffBase, recoveryBackoffMax, cleanupInterval, batchTtl, batchBytes, pendingBytes);
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
