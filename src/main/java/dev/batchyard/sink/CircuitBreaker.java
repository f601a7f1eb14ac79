package dev.batchyard.sink;

import dev.batchyard.engine.events.BatchEvent.SinkHealthChanged.Cause;
import dev.batchyard.engine.events.SinkHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One sink's circuit breaker. {@code CLOSED}: batches pass. After {@code threshold} consecutive
 * retryable failures it goes {@code OPEN}: nothing passes until {@code coolDown} has elapsed,
 * then the next batch passes as the one probe ({@code HALF_OPEN}); the probe's success closes the
 * breaker, its failure opens it for another cool-down. A permanent failure (the sink answered,
 * and refused that batch) proves the sink is up and counts as success here. Thread-safe; time
 * is passed in by the caller so it follows the injected clock.
 *
 * <p>The recovery loop asks for admission before it sends a due batch, so after a cool-down
 * {@link #tryPass} hands out one time-limited probe lease, and the other batches are held instead
 * of failing fast and spending a retry each. Only the recovery loop's admission may call
 * {@link #tryPass}; reads for people ({@link #snapshot}, {@link #mayPass}) never take the lease.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN;

        /** This state as the engine and the app see a sink's health. */
        public SinkHealth health() {
            return switch (this) {
                case CLOSED -> SinkHealth.CLOSED;
                case OPEN -> SinkHealth.OPEN;
                case HALF_OPEN -> SinkHealth.HALF_OPEN;
            };
        }
    }

    /**
     * A change of state, with what caused it, to publish as {@code SinkHealthChanged}.
     *
     * @param failures    the consecutive failures so far (when they opened it)
     * @param until       when the next probe may go, when it opened; else {@code null}
     * @param lastFailure the failure that opened it; else empty
     */
    public record Transition(State from, State to, Cause cause, int failures, Instant until, String lastFailure) {

        static Transition closed(State from, Cause cause) {
            return new Transition(from, State.CLOSED, cause, 0, null, "");
        }

        /** The same in English, for the log. */
        public String detail() {
            return switch (cause) {
                case FAILURES -> failures + " consecutive failures; holding batches until " + until + "; last: "
                        + lastFailure;
                case PROBE_FAILED -> "probe failed; holding batches until " + until + "; last: " + lastFailure;
                case COOL_DOWN_OVER -> "cool-down over; sending one batch as a probe";
                case ANSWERED -> "sink answered again; closed";
                case RESET -> "reset by an operator";
            };
        }
    }

    /** Whether a batch may go now, and the state change letting it through caused, if any. */
    public record Admission(boolean admitted, Optional<Transition> transition) {
    }

    /** @param openSince when the current outage began (the first opening), {@code null} when closed */
    public record Snapshot(State state, int consecutiveFailures, Instant openSince, Instant nextProbeAt,
                           String lastFailure) {
    }

    private final int threshold;
    private final Duration coolDown;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private Instant openSince;
    private boolean probeInFlight;
    private Instant probeLeaseUntil;
    private String lastFailure = "";

    public CircuitBreaker(int threshold, Duration coolDown) {
        if (threshold < 1 || coolDown.isNegative()) {
            throw new IllegalArgumentException("threshold must be >= 1 and cool-down >= 0, were " + threshold + ", " + coolDown);
        }
        this.threshold = threshold;
        this.coolDown = coolDown;
    }

    /** Whether {@link #admit} would let a batch through now; changes nothing. */
    public synchronized boolean mayPass(Instant now) {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> !now.isBefore(openedAt.plus(coolDown));
            case HALF_OPEN -> !probeInFlight;
        };
    }

    /**
     * The gate's question: true when closed, or when a probe may go and no other batch holds the
     * probe lease; the lease lasts {@code lease} (the sink's timeout) so a probe the engine never
     * sends does not block the sink forever.
     */
    public synchronized boolean tryPass(Instant now, Duration lease) {
        if (state == State.CLOSED) {
            return true;
        }
        if (!mayPass(now) || (probeLeaseUntil != null && now.isBefore(probeLeaseUntil))) {
            return false;
        }
        probeLeaseUntil = now.plus(lease);
        return true;
    }

    /** An operator's override: close now, forgetting the failures. */
    public synchronized Optional<Transition> reset() {
        Optional<Transition> t = onAnswer();
        return t.map(x -> Transition.closed(x.from(), Cause.RESET));
    }

    public synchronized Admission admit(Instant now) {
        if (!mayPass(now)) {
            return new Admission(false, Optional.empty());
        }
        if (state == State.CLOSED) {
            return new Admission(true, Optional.empty());
        }
        probeInFlight = true;
        probeLeaseUntil = null;
        Optional<Transition> t = Optional.empty();
        if (state == State.OPEN) {
            state = State.HALF_OPEN;
            t = Optional.of(new Transition(State.OPEN, State.HALF_OPEN, Cause.COOL_DOWN_OVER, consecutiveFailures,
                    null, ""));
        }
        return new Admission(true, t);
    }

    /** The sink answered (delivered, or refused this batch for good). */
    public synchronized Optional<Transition> onAnswer() {
        consecutiveFailures = 0;
        probeInFlight = false;
        probeLeaseUntil = null;
        if (state == State.CLOSED) {
            return Optional.empty();
        }
        State from = state;
        state = State.CLOSED;
        openedAt = null;
        openSince = null;
        return Optional.of(Transition.closed(from, Cause.ANSWERED));
    }

    public synchronized Optional<Transition> onRetryableFailure(Instant now, String reason) {
        consecutiveFailures++;
        lastFailure = reason;
        boolean wasProbe = probeInFlight;
        probeInFlight = false;
        probeLeaseUntil = null;
        if (state == State.HALF_OPEN || (state == State.CLOSED && consecutiveFailures >= threshold)) {
            State from = state;
            state = State.OPEN;
            openedAt = now;
            if (openSince == null) {
                openSince = now;
            }
            Cause why = wasProbe || from == State.HALF_OPEN ? Cause.PROBE_FAILED : Cause.FAILURES;
            return Optional.of(new Transition(from, State.OPEN, why, consecutiveFailures, now.plus(coolDown), reason));
        }
        return Optional.empty();
    }

    public synchronized Snapshot snapshot() {
        Instant nextProbe = state == State.OPEN ? openedAt.plus(coolDown) : null;
        return new Snapshot(state, consecutiveFailures, openSince, nextProbe, lastFailure);
    }
}
