package dev.batchyard.engine;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's hook into the sink layer: the recovery loop asks whether a sink can take a batch
 * now, and hands it over. Implementations must not block the caller; the returned future completes
 * when the sink answered (or failed). A future that never completes is cut off by
 * {@code batch_timeout}.
 */
public interface Delivery {

    /** Whether the recovery loop may send to a sink now. */
    enum Gate {
        /** Send. */
        OPEN,
        /** Not now (e.g. the sink's circuit breaker is open); the batch keeps its retries. */
        HOLD,
        /** No such sink is configured or it is disabled; the batch waits for an operator. */
        UNKNOWN
    }

    Gate gate(String sink);

    CompletableFuture<DeliveryOutcome> deliver(Batch batch);

    /** Whether a sink with this name is configured and enabled (reroute refuses others). */
    default boolean accepts(String sink) {
        return gate(sink) != Gate.UNKNOWN;
    }

    /**
     * A configured recovery strategy's answer after a failed attempt: the sink to reroute the batch
     * to, or empty to keep retrying where it is. The engine makes the reroute durable, emits
     * {@code Rerouted} and audits it as {@code policy:fallback}.
     */
    default Optional<String> fallbackFor(BatchView failed) {
        return Optional.empty();
    }

    /** A delivery that knows no sinks: the store is browsed and changed by hand only. */
    static Delivery none() {
        return new Delivery() {
            @Override
            public Gate gate(String sink) {
                return Gate.UNKNOWN;
            }

            @Override
            public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
                return CompletableFuture.completedFuture(
                        DeliveryOutcome.retryable("no sinks are configured"));
            }
        };
    }
}
