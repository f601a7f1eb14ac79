package dev.batchyard.sink;

import java.time.Duration;

/**
 * How the delivery layer treats one sink: at most {@code maxConcurrency} batches in flight; the
 * circuit breaker opens after {@code failureThreshold} consecutive retryable failures and probes
 * again after {@code coolDown}; {@code recovery} says where batches go when they keep failing.
 */
public record SinkPolicy(int maxConcurrency, int failureThreshold, Duration coolDown, RecoveryStrategy recovery) {

    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int DEFAULT_FAILURE_THRESHOLD = 5;
    public static final Duration DEFAULT_COOL_DOWN = Duration.ofSeconds(30);

    public static SinkPolicy defaults() {
        return new SinkPolicy(DEFAULT_CONCURRENCY, DEFAULT_FAILURE_THRESHOLD, DEFAULT_COOL_DOWN,
                new RecoveryStrategy.DeadLetter());
    }
}
