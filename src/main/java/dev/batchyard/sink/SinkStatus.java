package dev.batchyard.sink;

import dev.batchyard.engine.events.SinkHealth;
import java.time.Instant;

/**
 * One sink's state for the UI at one instant, read without side effects.
 *
 * @param health       {@link SinkHealth#NOT_CONFIGURED} for a sink that is configured but
 *                     disabled or unsupported
 * @param openSince    when the breaker first opened in the current outage, or {@code null}
 * @param nextProbeAt  when an open breaker lets a probe through, or {@code null}
 * @param lastFailure  the last retryable failure's reason, or the reason a sink is disabled
 */
public record SinkStatus(String sink, String type, String description, SinkHealth health,
                         int consecutiveFailures, Instant openSince, Instant nextProbeAt, int inFlight,
                         int queued, long delivered, long failed, String lastFailure) {

    /** Whether the sink is enabled. */
    public boolean enabled() {
        return health.configured();
    }
}
