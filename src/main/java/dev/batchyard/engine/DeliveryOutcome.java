package dev.batchyard.engine;

import dev.batchyard.model.BatchState;

/**
 * How a delivery attempt ended, as the delivery layer reports it. A {@link dev.batchyard.engine.Delivery}
 * answers any of these; a single sink answers only {@link Delivered} or {@link Failed} (a
 * {@link Reroute} is the delivery layer's fallback policy speaking, never one sink).
 */
public sealed interface DeliveryOutcome {

    /** The sink confirmed the batch; the engine removes it. */
    record Delivered() implements DeliveryOutcome {
    }

    /**
     * The sink refused or could not be reached. A retryable failure waits for backoff; a permanent
     * one (a 4xx the sink will never accept) sends the batch to {@link BatchState#DEAD} at once.
     */
    record Failed(String reason, boolean retryable) implements DeliveryOutcome {
        public Failed {
            reason = reason == null || reason.isBlank() ? "unknown failure" : reason;
        }
    }

    /**
     * The attempt failed with {@code reason}, and the sink's fallback policy moves the batch to
     * {@code target}: the engine records the failed attempt and the reroute in one durable change,
     * emits {@code DeliveryFailed} then {@code Rerouted}, and audits it as {@code policy:fallback}.
     */
    record Reroute(String target, String reason) implements DeliveryOutcome {
        public Reroute {
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("a reroute needs a target sink");
            }
            reason = reason == null || reason.isBlank() ? "unknown failure" : reason;
        }
    }

    static DeliveryOutcome delivered() {
        return new Delivered();
    }

    static DeliveryOutcome retryable(String reason) {
        return new Failed(reason, true);
    }

    static DeliveryOutcome permanent(String reason) {
        return new Failed(reason, false);
    }
}
