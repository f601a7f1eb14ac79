package dev.batchyard.runtime;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.SinkHealth;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sinks that hold every batch (their breakers open, so the recovery loop leaves batches where they
 * are) and take at once what an operator retries, which asks no admission.
 */
public final class HeldDelivery implements Delivery {
    private final Set<String> sinks;

    public HeldDelivery(String... sinks) {
        this.sinks = Set.of(sinks);
    }

    @Override
    public Admission admit(String sink) {
        return Admission.hold(); // as HeldBacklog: notConfigured would mark the batches of other sinks HELD
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        return CompletableFuture.completedFuture(sinks.contains(batch.sink()) ? DeliveryOutcome.delivered()
                : DeliveryOutcome.retryable("sink '" + batch.sink() + "' is not configured"));
    }

    @Override
    public SinkHealth health(String sink) {
        return sinks.contains(sink) ? SinkHealth.OPEN : SinkHealth.NOT_CONFIGURED;
    }
}
