package dev.batchyard.app.charts;

/**
 * Stored batches that have been retried {@code retries} times, or at least that many when
 * {@code orMore}.
 */
public record RetryBucket(int retries, boolean orMore, int batches) {
}
