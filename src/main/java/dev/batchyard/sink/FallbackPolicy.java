package dev.batchyard.sink;

import dev.batchyard.engine.Admission;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.Attempt;
import dev.batchyard.time.GoDuration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one fallback rule, for a sink configured with {@code fallback}: its batches move to the
 * fallback sink after {@code fallback_after_attempts} failed attempts there, or once its circuit
 * breaker has been open for {@code fallback_after_open}. Failed attempts are counted from the batch
 * as it was handed over (its history, only the trailing run on this sink, so a batch rerouted here
 * does not arrive with its previous sink's failures counted; its retry count when it has no
 * history) plus the attempt that just failed. Fallback targets are enabled sinks other than this
 * one: {@link SinkRegistry} refuses a config where they are not. Stateless.
 */
final class FallbackPolicy {
    private FallbackPolicy() {
    }

    /** Before sending a batch the lane holds back: move it now if the breaker has been open too long. */
    static Optional<Admission> whileHeld(ConfiguredSink sink, CircuitBreaker.Snapshot breaker, Instant now) {
        if (!(sink.policy().recovery() instanceof RecoveryStrategy.Fallback f) || !openTooLong(f, breaker, now)) {
            return Optional.empty();
        }
        return Optional.of(new Admission.Reroute(f.target(), "circuit breaker of sink '" + sink.name() + "' open since "
                + breaker.openSince() + ", longer than fallback_after_open " + GoDuration.format(f.afterOpen())));
    }

    /**
     * After an attempt of {@code batch} ended with {@code outcome}: the same outcome, or a reroute
     * carrying the failure when the batch has now failed here often enough, or the breaker (as the
     * failure left it) has been open too long.
     */
    static DeliveryOutcome afterAttempt(ConfiguredSink sink, Batch batch, DeliveryOutcome outcome,
                                        CircuitBreaker.Snapshot breaker, Instant now) {
        if (!(outcome instanceof DeliveryOutcome.Failed failed)
                || !(sink.policy().recovery() instanceof RecoveryStrategy.Fallback f)) {
            return outcome;
        }
        boolean enoughAttempts = failedAttemptsHere(batch.meta()) + 1 >= f.afterAttempts();
        return enoughAttempts || openTooLong(f, breaker, now) ? new DeliveryOutcome.Reroute(f.target(), failed.reason(), failed.receipt())
                : outcome;
    }

    private static boolean openTooLong(RecoveryStrategy.Fallback f, CircuitBreaker.Snapshot breaker, Instant now) {
        return f.afterOpen() != null && breaker.openSince() != null && !now.isBefore(breaker.openSince().plus(f.afterOpen()));
    }

    /** Failed attempts of {@code batch} on its sink before the one under way. */
    static int failedAttemptsHere(BatchView batch) {
        List<Attempt> attempts = batch.attempts();
        if (attempts.isEmpty()) {
            return batch.retryCount();
        }
        int n = 0;
        for (int i = attempts.size() - 1; i >= 0; i--) {
            Attempt a = attempts.get(i);
            // a requeue starts the budget afresh: the failures before it are not this round's
            if (!a.sink().equals(batch.sink()) || a.outcome() == Attempt.Outcome.DELIVERED
                    || a.outcome() == Attempt.Outcome.REQUEUED) {
                break;
            }
            n++;
        }
        return n;
    }
}
