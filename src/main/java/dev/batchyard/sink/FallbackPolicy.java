package dev.batchyard.sink;

import dev.batchyard.engine.BatchView;
import dev.batchyard.model.Attempt;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for a batch that just failed on a sink configured with {@code fallback}, whether it is
 * time to move it: after {@code fallback_after_attempts} failed attempts on this sink, or once the
 * sink's breaker has been open for {@code fallback_after_open}. Attempts are counted from the
 * batch's own history, only the trailing run on this sink, so a batch rerouted here from elsewhere
 * does not arrive with its previous sink's failures already counted.
 */
final class FallbackPolicy {
    private FallbackPolicy() {
    }

    static Optional<String> decide(BatchView failed, RecoveryStrategy strategy, CircuitBreaker.Snapshot breaker,
                                   Instant now) {
        if (!(strategy instanceof RecoveryStrategy.Fallback f)) {
            return Optional.empty();
        }
        boolean enoughAttempts = failedAttemptsHere(failed) >= f.afterAttempts();
        boolean openTooLong = f.afterOpen() != null && breaker.openSince() != null
                && !now.isBefore(breaker.openSince().plus(f.afterOpen()));
        return enoughAttempts || openTooLong ? Optional.of(f.target()) : Optional.empty();
    }

    /** Whether the breaker has been open so long that this sink's batches should move on. */
    static boolean openTooLong(RecoveryStrategy strategy, CircuitBreaker.Snapshot breaker, Instant now) {
        return strategy instanceof RecoveryStrategy.Fallback f && f.afterOpen() != null
                && breaker.openSince() != null && !now.isBefore(breaker.openSince().plus(f.afterOpen()));
    }

    static int failedAttemptsHere(BatchView view) {
        List<Attempt> attempts = view.attempts();
        if (attempts.isEmpty()) {
            return view.retryCount();
        }
        int n = 0;
        for (int i = attempts.size() - 1; i >= 0; i--) {
            Attempt a = attempts.get(i);
            if (!a.sink().equals(view.sink()) || a.outcome() == Attempt.Outcome.DELIVERED) {
                break;
            }
            n++;
        }
        return n;
    }
}
