package dev.batchyard.runtime;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.SinkHealth;
import java.util.concurrent.CompletableFuture;

/**
 * The sinks as a short-lived command sees them: every configured sink is held, so opening a store
 * to list or discard batches never starts sending its backlog; only what an operator asks for
 * ({@code retry ID}) is handed to the real sink, which never asks for admission. Health and
 * deliveries (with their fallback answers) are the real sink layer's.
 */
final class HeldBacklog implements Delivery {
    private final Delivery sinks;

    HeldBacklog(Delivery sinks) {
        this.sinks = sinks;
    }

    @Override
    public Admission admit(String sink) {
        // never NotConfigured: that would mark the batches of a sink this command's configuration
        // lacks HELD (a durable change), and a command run without --config knows no sinks at all
        return Admission.hold();
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        return sinks.deliver(batch);
    }

    @Override
    public SinkHealth health(String sink) {
        return sinks.health(sink);
    }
}
