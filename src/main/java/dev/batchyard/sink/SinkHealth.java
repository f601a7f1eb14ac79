package dev.batchyard.sink;

import java.time.Instant;

/**
 * One sink's state for the UI at one instant.
 *
 * @param enabled      false for a sink that is configured but disabled or unsupported
 * @param breaker      {@code null} when not enabled
 * @param openSince    when the breaker first opened in the current outage, or {@code null}
 * @param nextProbeAt  when an open breaker lets a probe through, or {@code null}
 * @param lastFailure  the last retryable failure's reason, or the reason a sink is disabled
 */
public record SinkHealth(String sink, String type, String description, boolean enabled,
                         CircuitBreaker.State breaker, int consecutiveFailures, Instant openSince,
                         Instant nextProbeAt, int inFlight, int queued, long delivered, long failed,
                         String lastFailure) {
}
