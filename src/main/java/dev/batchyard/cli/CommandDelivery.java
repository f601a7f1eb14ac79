package dev.batchyard.cli;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.DeliveryOutcome;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The sinks as a short-lived command sees them: every configured sink is held, so opening a store
 * to list or discard batches never starts sending its backlog; only what an operator asks for
 * ({@code retry ID}) is handed to the real sink, which bypasses the gate.
 */
final class CommandDelivery implements Delivery {
    private final Delivery sinks;

    CommandDelivery(Delivery sinks) {
        this.sinks = sinks;
    }

    @Override
    public Gate gate(String sink) {
        return sinks.accepts(sink) ? Gate.HOLD : Gate.UNKNOWN;
    }

    @Override
    public boolean accepts(String sink) {
        return sinks.accepts(sink);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        return sinks.deliver(batch);
    }

    @Override
    public Optional<String> fallbackFor(BatchView failed) {
        return sinks.fallbackFor(failed);
    }
}
