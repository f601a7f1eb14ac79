package dev.batchyard.engine;

import dev.batchyard.engine.store.StoreLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code persistence} section of {@code config.yaml}, with the Go agent's keys and defaults,
 * and Batchyard's own two size limits ({@code max_batch_bytes}, {@code max_pending_bytes}; sizes are
 * those of the batches' records in the store, see {@link StoreLimits}) and its dead-letter settings
 * ({@code dead_batch_ttl}, {@code max_dead_batches}, {@code discard_grace}; see the README) and its loop guard
 * ({@code requeue_loop_limit}). Values are validated here,
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
        long maxPendingBytes,
        Duration deadBatchTtl,
        int maxDeadBatches,
        Duration discardGrace,
        int requeueLoopLimit) {

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
    /** {@code dead_batch_ttl}'s default: dead (and held) batches are kept until an operator acts, as Sidekiq's dead set is. */
    public static final Duration KEEP = Duration.ZERO;
    /** {@code max_dead_batches}'s default: no cap of their own (the store's {@code max_pending_batches} still bounds them). */
    public static final int NO_CAP = 0;
    /** {@code discard_grace}'s default: how long a discarded batch can be restored. */
    public static final Duration DEFAULT_DISCARD_GRACE = Duration.ofMinutes(15);

    /**
     * {@code requeue_loop_limit}'s default: a batch requeued or rerouted more than 3 times (each with
     * a fresh retry budget) is flagged as looping, and a bulk requeue asks before including it.
     */
    public static final int DEFAULT_REQUEUE_LOOP_LIMIT = 3;
    public static final String REQUEUE_LOOP_LIMIT_ALLOWED = "must be a whole number >= 1: how many requeues or "
            + "reroutes a batch may have before it is flagged as looping (default 3)";

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
        Objects.requireNonNull(deadBatchTtl, "dead_batch_ttl");
        if (deadBatchTtl.isNegative()) {
            throw new ConfigException("persistence.dead_batch_ttl", deadBatchTtl.toString(), DEAD_BATCH_TTL_ALLOWED);
        }
        requireAtLeast("max_dead_batches", maxDeadBatches, 0);
        Objects.requireNonNull(discardGrace, "discard_grace");
        if (discardGrace.isNegative()) {
            throw new ConfigException("persistence.discard_grace", discardGrace.toString(), DISCARD_GRACE_ALLOWED);
        }
        if (requeueLoopLimit < 1) {
            throw new ConfigException("persistence.requeue_loop_limit", Integer.toString(requeueLoopLimit),
                    REQUEUE_LOOP_LIMIT_ALLOWED);
        }
    }

    /** Every setting but the loop guard's, which is at its default. */
    public PersistenceConfig(boolean enabled, Path directory, int maxPendingBatches, Duration batchTimeout,
                             int maxRecoveryRetries, Duration recoveryBackoffBase, Duration recoveryBackoffMax,
                             Duration cleanupInterval, Duration batchTtl, long maxBatchBytes, long maxPendingBytes,
                             Duration deadBatchTtl, int maxDeadBatches, Duration discardGrace) {
        this(enabled, directory, maxPendingBatches, batchTimeout, maxRecoveryRetries, recoveryBackoffBase,
                recoveryBackoffMax, cleanupInterval, batchTtl, maxBatchBytes, maxPendingBytes, deadBatchTtl,
                maxDeadBatches, discardGrace, DEFAULT_REQUEUE_LOOP_LIMIT);
    }

    public static final String DEAD_BATCH_TTL_ALLOWED = "must be 'keep' (the default: kept until an operator acts) or a "
            + "positive Go duration such as 720h";
    public static final String DISCARD_GRACE_ALLOWED = "must be a Go duration such as 15m, or 0s to remove a discarded "
            + "batch at the next cleanup pass";

    /** The Go agent's nine keys and Batchyard's size limits, with the dead-letter settings at their defaults. */
    public PersistenceConfig(boolean enabled, Path directory, int maxPendingBatches, Duration batchTimeout,
                             int maxRecoveryRetries, Duration recoveryBackoffBase, Duration recoveryBackoffMax,
                             Duration cleanupInterval, Duration batchTtl, long maxBatchBytes, long maxPendingBytes) {
        this(enabled, directory, maxPendingBatches, batchTimeout, maxRecoveryRetries, recoveryBackoffBase,
                recoveryBackoffMax, cleanupInterval, batchTtl, maxBatchBytes, maxPendingBytes, KEEP, NO_CAP,
                DEFAULT_DISCARD_GRACE);
    }

    /** Whether dead and held batches leave by age at all ({@code dead_batch_ttl} is not {@code keep}). */
    public boolean deadBatchesExpire() {
        return !deadBatchTtl.isZero();
    }

    /** Whether dead batches have a cap of their own ({@code max_dead_batches} above 0). */
    public boolean deadBatchesCapped() {
        return maxDeadBatches > 0;
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
                DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_PENDING_BYTES, KEEP, NO_CAP, DEFAULT_DISCARD_GRACE,
                DEFAULT_REQUEUE_LOOP_LIMIT);
    }

    public PersistenceConfig withDirectory(Path dir) {
        return new PersistenceConfig(enabled, dir, maxPendingBatches, batchTimeout, maxRecoveryRetries,
                recoveryBackoffBase, recoveryBackoffMax, cleanupInterval, batchTtl, maxBatchBytes, maxPendingBytes,
                deadBatchTtl, maxDeadBatches, discardGrace, requeueLoopLimit);
    }

    /** The same, with another loop guard: flagged past {@code limit} requeues or reroutes. */
    public PersistenceConfig withRequeueLoopLimit(int limit) {
        return new PersistenceConfig(enabled, directory, maxPendingBatches, batchTimeout, maxRecoveryRetries,
                recoveryBackoffBase, recoveryBackoffMax, cleanupInterval, batchTtl, maxBatchBytes, maxPendingBytes,
                deadBatchTtl, maxDeadBatches, discardGrace, limit);
    }

    /** The same, with other size limits. */
    public PersistenceConfig withSizeLimits(long batchBytes, long pendingBytes) {
        return new PersistenceConfig(enabled, directory, maxPendingBatches, batchTimeout, maxRecoveryRetries,
                recoveryBackoffBase, recoveryBackoffMax, cleanupInterval, batchTtl, batchBytes, pendingBytes,
                deadBatchTtl, maxDeadBatches, discardGrace, requeueLoopLimit);
    }

    /** The same, with other dead-letter settings ({@link #KEEP}, {@link #NO_CAP} for the defaults). */
    public PersistenceConfig withDeadLetters(Duration deadTtl, int maxDead) {
        return new PersistenceConfig(enabled, directory, maxPendingBatches, batchTimeout, maxRecoveryRetries,
                recoveryBackoffBase, recoveryBackoffMax, cleanupInterval, batchTtl, maxBatchBytes, maxPendingBytes,
                deadTtl, maxDead, discardGrace, requeueLoopLimit);
    }

    /** The same, with another undo window for discards. */
    public PersistenceConfig withDiscardGrace(Duration grace) {
        return new PersistenceConfig(enabled, directory, maxPendingBatches, batchTimeout, maxRecoveryRetries,
                recoveryBackoffBase, recoveryBackoffMax, cleanupInterval, batchTtl, maxBatchBytes, maxPendingBytes,
                deadBatchTtl, maxDeadBatches, grace, requeueLoopLimit);
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
