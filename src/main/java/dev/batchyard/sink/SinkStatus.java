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
 * @param lastRefusal  the last permanent failure's reason (a batch the sink will never take as it
 *                     is, such as a Kafka record over the size limit), or {@code null}: it leaves
 *                     the breaker alone, as the sink is fine, but the operator must see it
 */
public record SinkStatus(String sink, String type, String description, SinkHealth health,
                         int consecutiveFailures, Instant openSince, Instant nextProbeAt, int inFlight,
                         int queued, long delivered, long failed, String lastFailure, String lastRefusal) {

    /** Whether the sink is enabled. */
    public boolean enabled() {
        return health.configured();
    }
}
