package dev.batchyard.serve.testsupport;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.SinkHealth;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Configured sinks that deliver nothing: their breakers are open, so the recovery loop leaves every
 * batch where it is, and an operator's retry fails retryably. A reroute may target them.
 */
final class HeldSinks implements Delivery {
    private final Set<String> sinks;

    HeldSinks(Set<String> sinks) {
        this.sinks = Set.copyOf(sinks);
    }

    @Override
    public Admission admit(String sink) {
        return sinks.contains(sink) ? Admission.hold() : Admission.notConfigured();
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        return CompletableFuture.completedFuture(DeliveryOutcome.retryable("the test's sinks deliver nothing"));
    }

    @Override
    public SinkHealth health(String sink) {
        return sinks.contains(sink) ? SinkHealth.OPEN : SinkHealth.NOT_CONFIGURED;
    }
}
