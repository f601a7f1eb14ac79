package dev.batchyard.engine;

import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DeliveryReceipt;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Applies the delivery layer's typed answers to the store: one durable change per answer, then its
 * event(s) (published by {@link BatchLifecycle} after the change is on disk), and for a policy
 * reroute the audit record with actor {@code policy:fallback}. The engine keeps no rule of its own
 * about where a batch should go: it does what the answer says.
 *
 * <p>Called by the recovery loop: attempt outcomes on its delivery workers, reroutes before
 * sending on its own thread. Thread-safe (the lifecycle and the audit trail are). Throws
 * {@link UnknownBatchException} when the batch was removed meanwhile.
 */
final class OutcomeRecorder {
    private static final Actor FALLBACK = Actor.policy("fallback");
    private static final Actor CONFIGURATION = Actor.policy("configuration");
    private static final Actor RETRIES = Actor.policy("retries");
    private final BatchLifecycle lifecycle;
    private final AuditTrail audit;
    private final Clock clock;

    OutcomeRecorder(BatchLifecycle lifecycle, AuditTrail audit) {
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.clock = lifecycle.clock();
    }

    /** How the sink layer answered {@code attempt} of batch {@code id}. */
    void answered(String id, InFlight.Attempt attempt, DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Failed f) {
            BatchView after = lifecycle.fail(id, f.reason(), f.retryable(), !attempt.manual(),
                    new Attempt(attempt.startedAt(), attempt.sink(), took(attempt), Attempt.Outcome.FAILED, f.reason(),
                            f.receipt(), f.rejections()));
            if (after.state() == BatchState.DEAD) {
                audit.record(clock.instant(), RETRIES, "dead-letter", f.reason(),
                        List.of(ActionResult.of(id, ActionResult.Reason.DEAD_LETTERED, attempt.sink())));
            }
        } else if (outcome instanceof DeliveryOutcome.Misconfigured m) {
            lifecycle.hold(id, m.reason(), attempt(attempt, Attempt.Outcome.FAILED, m.reason(), m.receipt()));
            audit.record(clock.instant(), CONFIGURATION, "hold", m.reason(),
                    List.of(ActionResult.of(id, ActionResult.Reason.HELD, attempt.sink())));
        } else if (outcome instanceof DeliveryOutcome.Reroute r && r.target().equals(attempt.sink())) {
            // against the contract of Delivery: applied, it would start the budget afresh forever
            lifecycle.fail(id, r.reason(), true, !attempt.manual(),
                    attempt(attempt, Attempt.Outcome.FAILED, r.reason(), r.receipt()));
        } else if (outcome instanceof DeliveryOutcome.Reroute r) {
            lifecycle.failAndReroute(id, attempt(attempt, Attempt.Outcome.FAILED, r.reason(), r.receipt()), r.target(),
                    FALLBACK);
            audited(id, attempt.sink(), r.target(), r.reason());
        } else {
            lifecycle.succeed(id, attempt.sink(), took(attempt), outcome.receipt());
        }
    }

    /** {@code attempt} got no answer in time (or its sink call blew up): a retryable failure. */
    void failed(String id, InFlight.Attempt attempt, Attempt.Outcome how, String reason) {
        lifecycle.fail(id, reason, true, !attempt.manual(), attempt(attempt, how, reason, DeliveryReceipt.NONE));
    }

    /** Batch {@code id}'s sink is not configured: hold it (no attempt was made, no retry spent). */
    void notConfigured(String id, String sink) {
        String reason = "sink '" + sink + "' is not configured or is disabled";
        lifecycle.hold(id, reason, null);
        audit.record(clock.instant(), CONFIGURATION, "hold", reason,
                List.of(ActionResult.of(id, ActionResult.Reason.HELD, sink)));
    }

    /** The sink layer will not take batch {@code id} at {@code sink} any more: move it before sending. */
    void rerouted(String id, String sink, Admission.Reroute reroute) {
        lifecycle.reroute(id, reroute.target(), FALLBACK);
        audited(id, sink, reroute.target(), reroute.reason());
    }

    private void audited(String id, String from, String to, String why) {
        audit.record(clock.instant(), FALLBACK, "reroute", "to " + to + " after: " + why,
                List.of(ActionResult.of(id, ActionResult.Reason.REROUTED, from, to)));
    }

    private Attempt attempt(InFlight.Attempt a, Attempt.Outcome how, String reason, DeliveryReceipt receipt) {
        return new Attempt(a.startedAt(), a.sink(), took(a), how, reason, receipt);
    }

    private Duration took(InFlight.Attempt a) {
        return Duration.between(a.startedAt(), clock.instant());
    }
}
