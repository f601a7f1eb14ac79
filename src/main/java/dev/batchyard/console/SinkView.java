package dev.batchyard.console;

import dev.batchyard.engine.events.SinkHealth;
import java.time.Instant;
import java.util.Objects;

/**
 * An immutable snapshot of one sink as an operator sees it: its health, its circuit breaker and
 * its counters since the store was opened. Credentials never appear: {@code description} is the
 * sink layer's redacted one, {@code lastFailure} its scrubbed reason.
 *
 * @param type                e.g. {@code loki}, {@code simulated}; empty for a disabled sink
 * @param description         where it delivers (URL, file), redacted; empty for a disabled sink
 * @param health              {@link SinkHealth#NOT_CONFIGURED} for a sink named in the config but
 *                            disabled or of a type Batchyard cannot deliver to
 * @param consecutiveFailures the failures since the last success
 * @param openSince           when the breaker first opened in the current outage, or {@code null}
 * @param nextProbeAt         when an open breaker lets a probe through, or {@code null}
 * @param inFlight            batches being sent now
 * @param queued              batches waiting for a free slot
 * @param delivered           deliveries since the store was opened
 * @param failed              failed attempts since the store was opened
 * @param lastFailure         the last failure's reason, or why the sink is disabled; else empty
 */
public record SinkView(String name, String type, String description, SinkHealth health, int consecutiveFailures,
                       Instant openSince, Instant nextProbeAt, int inFlight, int queued, long delivered, long failed,
                       String lastFailure) {
    public SinkView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(health, "health");
        type = type == null ? "" : type;
        description = description == null ? "" : description;
        lastFailure = lastFailure == null ? "" : lastFailure;
    }

    /** A sink known by its name and health only (a sink layer that keeps no counters). */
    public static SinkView of(String name, SinkHealth health) {
        return new SinkView(name, "", "", health, 0, null, null, 0, 0, 0, 0, "");
    }

    /** Whether batches can be sent, retried and rerouted there. */
    public boolean enabled() {
        return health.configured();
    }
}
