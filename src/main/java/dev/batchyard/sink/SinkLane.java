package dev.batchyard.sink;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.SinkHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way into one sink: at most {@code max_concurrency} batches in flight (more wait in a queue
 * rather than blocking anyone), every answer fed to the sink's {@link CircuitBreaker}, and each
 * breaker change published as {@code SinkHealthChanged}. A sink that throws, fails its future or
 * never answers within its timeout (plus a grace second) yields a retryable failure, so the
 * returned future always completes normally with a {@code Delivered} or a {@code Failed}.
 *
 * <p>{@link #admits} may take the breaker's probe lease: only the recovery loop's admission calls
 * it. {@link #health} and {@link #status} change nothing and may be called from any thread, as
 * often as wanted. Thread-safe.
 */
final class SinkLane {
    private static final Logger LOG = LoggerFactory.getLogger(SinkLane.class);
    private static final Duration GRACE = Duration.ofSeconds(1);

    private record Pending(Batch batch, CompletableFuture<DeliveryOutcome> result) {
    }

    private final ConfiguredSink configured;
    private final CircuitBreaker breaker;
    private final EventBus events;
    private final Clock clock;
    private final Executor dispatcher;
    private final FailureReasonScrubber scrubber;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private int inFlight;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String lastRefusal;

    SinkLane(ConfiguredSink configured, EventBus events, Clock clock, Executor dispatcher) {
        this.configured = configured;
        this.breaker = new CircuitBreaker(configured.policy().failureThreshold(), configured.policy().coolDown());
        this.events = events;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.scrubber = new FailureReasonScrubber(configured.sink().secrets());
    }

    /**
     * Whether a batch sent now would go out: a slot is free and the breaker lets it pass. After a
     * cool-down this takes the breaker's one probe lease (for the sink's timeout plus a grace
     * second), so only the recovery loop, about to send, may ask. A full lane is asked first, so it
     * never takes a lease it cannot use.
     */
    boolean admits() {
        synchronized (this) {
            if (inFlight + queue.size() >= configured.policy().maxConcurrency()) {
                return false;
            }
        }
        return breaker.tryPass(clock.instant(), configured.sink().timeout().plus(GRACE));
    }

    CompletableFuture<DeliveryOutcome> submit(Batch batch) {
        CircuitBreaker.Admission admission = breaker.admit(clock.instant());
        admission.transition().ifPresent(this::publish);
        if (!admission.admitted()) {
            CircuitBreaker.Snapshot s = breaker.snapshot();
            return CompletableFuture.completedFuture(DeliveryOutcome.retryable("circuit breaker of sink '" + name()
                    + "' is " + s.state().name().toLowerCase(Locale.ROOT) + " since " + s.openSince()
                    + (s.nextProbeAt() == null ? "" : "; next probe at " + s.nextProbeAt()) + "; not sent"));
        }
        Pending p = new Pending(batch, new CompletableFuture<>());
        boolean start;
        synchronized (this) {
            start = inFlight < configured.policy().maxConcurrency();
            if (start) {
                inFlight++;
            } else {
                queue.add(p);
            }
        }
        if (start) {
            run(p);
        }
        return p.result();
    }

    private void run(Pending p) {
        CompletableFuture<DeliveryOutcome> answer;
        try {
            answer = configured.sink().deliver(p.batch()).copy();
        } catch (RuntimeException e) {
            answer = CompletableFuture.completedFuture(
                    DeliveryOutcome.retryable("sink '" + name() + "' threw " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        Duration limit = configured.sink().timeout().plus(GRACE);
        answer.completeOnTimeout(DeliveryOutcome.retryable("no answer from sink '" + name() + "' within " + limit),
                        limit.toMillis(), TimeUnit.MILLISECONDS)
                .handle((o, err) -> o == null ? DeliveryOutcome.retryable("sink '" + name() + "' failed: " + err)
                        : o instanceof DeliveryOutcome.Reroute ? DeliveryOutcome.retryable("sink '" + name()
                        + "' answered a reroute, which only the delivery layer's fallback policy may") : o)
                .thenApply(scrubber::scrub) // the one place every reason leaves the sink layer
                .thenAccept(o -> finish(p, o));
    }

    private void finish(Pending p, DeliveryOutcome outcome) {
        count(outcome);
        handOn(p, outcome);
    }

    /** What the sink answered, into its counters and its breaker. */
    private void count(DeliveryOutcome outcome) {
        Optional<CircuitBreaker.Transition> t;
        if (outcome instanceof DeliveryOutcome.Failed f && f.retryable()) {
            failed.incrementAndGet();
            t = breaker.onRetryableFailure(clock.instant(), f.reason());
        } else {
            (outcome instanceof DeliveryOutcome.Delivered ? delivered : failed).incrementAndGet();
            if (outcome instanceof DeliveryOutcome.Failed f) {
                lastRefusal = f.reason();
            } else if (outcome instanceof DeliveryOutcome.Misconfigured m) {
                lastRefusal = m.reason(); // the sink answered: not its breaker's business, but its operator's
            }
            t = breaker.onAnswer();
        }
        t.ifPresent(this::publish);
    }

    /**
     * Answers {@code p} and starts the next queued batch. When the layer is shutting down the queued
     * batches are answered "not sent" without being counted: the sink did not fail them, so its
     * breaker must not open (five queued batches at a shutdown used to trip it).
     */
    private void handOn(Pending p, DeliveryOutcome outcome) {
        Pending next;
        synchronized (this) {
            next = queue.poll();
            if (next == null) {
                inFlight--;
            }
        }
        if (next != null) {
            Pending queued = next;
            try {
                // Through the executor, not recursively: a sink answering at once must not grow the stack.
                dispatcher.execute(() -> run(queued));
            } catch (RejectedExecutionException closed) {
                handOn(queued, DeliveryOutcome.retryable("sink layer shut down before batch "
                        + queued.batch().id() + " was sent to '" + name() + "'"));
            }
        }
        p.result().complete(outcome);
    }

    void resetBreaker() {
        breaker.reset().ifPresent(this::publish);
    }

    private void publish(CircuitBreaker.Transition t) {
        // Reasons reaching here went through the scrubber in run().
        if (t.to() == CircuitBreaker.State.OPEN) {
            LOG.warn("sink '{}': circuit breaker {} -> open: {}", name(), t.from(), t.detail());
        } else {
            LOG.info("sink '{}': circuit breaker {} -> {}: {}", name(), t.from(), t.to(), t.detail());
        }
        events.publish(new BatchEvent.SinkHealthChanged(clock.instant(), name(), t.to().health(), t.cause(),
                t.failures(), t.until(), t.lastFailure(), t.detail()));
    }

    String name() {
        return configured.name();
    }

    ConfiguredSink configured() {
        return configured;
    }

    CircuitBreaker.Snapshot breaker() {
        return breaker.snapshot();
    }

    /** The breaker's state now; takes no lease. */
    SinkHealth health() {
        return breaker.snapshot().state().health();
    }

    /** Everything the UI shows about this sink; takes no lease. */
    SinkStatus status() {
        CircuitBreaker.Snapshot s = breaker.snapshot();
        int running;
        int waiting;
        synchronized (this) {
            running = inFlight;
            waiting = queue.size();
        }
        Sink sink = configured.sink();
        return new SinkStatus(name(), sink.type(), sink.describe(), s.state().health(), s.consecutiveFailures(),
                s.openSince(), s.nextProbeAt(), running, waiting, delivered.get(), failed.get(), s.lastFailure(),
                lastRefusal);
    }
}
