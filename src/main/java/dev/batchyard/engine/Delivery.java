package dev.batchyard.engine;

import dev.batchyard.engine.events.SinkHealth;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's seam to the sink layer. The engine asks, the sink layer answers with a type, and the
 * engine applies the answer (one durable change, then its events); every rule about where a batch
 * should go (fallback, breaker) lives behind this interface.
 *
 * <ul>
 *   <li>{@link #admit} — only the recovery loop calls it, on its own thread, once per sink and
 *       pass before sending: it may take a circuit breaker's single probe lease.</li>
 *   <li>{@link #deliver} — from the engine's delivery workers; must not block. The future
 *       completes when the sink answered (or failed), never exceptionally in a well-behaved
 *       implementation; one that never completes is cut off by {@code batch_timeout}.</li>
 *   <li>{@link #health} — from any thread, any number of times (the status bar polls it every
 *       second): changes nothing, never takes a probe lease.</li>
 * </ul>
 * A {@link DeliveryOutcome.Reroute} or {@link Admission.Reroute} names an enabled sink other than
 * the batch's own. Implementations are thread-safe.
 */
public interface Delivery {

    Admission admit(String sink);

    CompletableFuture<DeliveryOutcome> deliver(Batch batch);

    SinkHealth health(String sink);

    /**
     * A delivery that knows no sinks: the store is browsed and changed by hand only. It holds every
     * batch back rather than calling its sink not configured, which would mark it {@code HELD}: with
     * no configuration at all, nothing is known to be wrong with any sink.
     */
    static Delivery none() {
        return new Delivery() {
            @Override
            public Admission admit(String sink) {
                return Admission.hold();
            }

            @Override
            public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
                return CompletableFuture.completedFuture(DeliveryOutcome.retryable("no sinks are configured"));
            }

            @Override
            public SinkHealth health(String sink) {
                return SinkHealth.NOT_CONFIGURED;
            }
        };
    }
}
