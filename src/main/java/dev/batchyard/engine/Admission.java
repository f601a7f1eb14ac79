package dev.batchyard.engine;

import java.util.Objects;

/**
 * The delivery layer's answer to the recovery loop's "may a batch go to this sink now?". Asking
 * may take a circuit breaker's single probe lease, so only the recovery loop asks (see
 * {@link Delivery#admit}); everyone else reads {@link Delivery#health}.
 */
public sealed interface Admission {

    /** Send it. */
    record Send() implements Admission {
    }

    /** Not now (the breaker is open, or every slot of the sink is taken); the batch keeps its retries. */
    record Hold() implements Admission {
    }

    /** No such sink is enabled; the batch waits for an operator and keeps its retries. */
    record NotConfigured() implements Admission {
    }

    /**
     * Do not send it here any more: move it to {@code target} now (the sink's fallback policy, e.g.
     * its breaker has been open longer than {@code fallback_after_open}). {@code reason} says why,
     * for the audit trail.
     */
    record Reroute(String target, String reason) implements Admission {
        public Reroute {
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("a reroute needs a target sink");
            }
            reason = Objects.requireNonNullElse(reason, "");
        }
    }

    static Admission send() {
        return new Send();
    }

    static Admission hold() {
        return new Hold();
    }

    static Admission notConfigured() {
        return new NotConfigured();
    }
}
