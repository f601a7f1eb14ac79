package dev.batchyard.engine;

import dev.batchyard.model.Actor;
import java.util.List;
import java.util.Optional;

/**
 * Applies the sink layer's recovery strategy after a failed attempt: if it names a fallback sink,
 * the batch is rerouted there durably, with a {@code Rerouted} event and an audit record saying
 * the policy did it.
 */
final class FallbackPolicy {
    private static final Actor ACTOR = Actor.policy("fallback");
    private final Delivery delivery;
    private final BatchLifecycle lifecycle;
    private final AuditTrail audit;

    FallbackPolicy(Delivery delivery, BatchLifecycle lifecycle, AuditTrail audit) {
        this.delivery = delivery;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    void consider(BatchView failed) {
        Optional<String> target = delivery.fallbackFor(failed);
        if (target.isEmpty() || target.get().equals(failed.sink()) || !delivery.accepts(target.get())) {
            return;
        }
        lifecycle.reroute(failed.id(), target.get(), ACTOR);
        audit.record(lifecycle.clock().instant(), ACTOR, "reroute", "to " + target.get() + " after: " + failed.failureReason(),
                List.of(ActionResult.of(failed.id(), ActionResult.Reason.REROUTED, failed.sink(), target.get())));
    }
}
