package dev.batchyard.sink;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.Delivery.Gate;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * returned future always completes normally. Thread-safe.
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

    SinkLane(ConfiguredSink configured, EventBus events, Clock clock, Executor dispatcher) {
        this.configured = configured;
        this.breaker = new CircuitBreaker(configured.policy().failureThreshold(), configured.policy().coolDown());
        this.events = events;
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.scrubber = new FailureReasonScrubber(configured.sink().secrets());
    }

    /**
     * OPEN when a batch sent now would go out; HOLD while the breaker is open or every slot is
     * taken. {@code letThroughWhileOpen}: the breaker has been open so long that the sink's fallback
     * applies, so batches are let through to fail fast and be rerouted by the engine.
     */
    Gate gate(boolean letThroughWhileOpen) {
        Instant now = clock.instant();
        if (!breaker.tryPass(now, configured.sink().timeout().plus(GRACE))) {
            return letThroughWhileOpen ? Gate.OPEN : Gate.HOLD;
        }
        synchronized (this) {
            return inFlight + queue.size() >= configured.policy().maxConcurrency() ? Gate.HOLD : Gate.OPEN;
        }
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
                .handle((o, err) -> o != null ? o
                        : DeliveryOutcome.retryable("sink '" + name() + "' failed: " + err))
                .thenApply(scrubber::scrub) // the one place every reason leaves the sink layer
                .thenAccept(o -> finish(p, o));
    }

    private void finish(Pending p, DeliveryOutcome outcome) {
        Optional<CircuitBreaker.Transition> t;
        if (outcome instanceof DeliveryOutcome.Failed f && f.retryable()) {
            failed.incrementAndGet();
            t = breaker.onRetryableFailure(clock.instant(), f.reason());
        } else {
            (outcome instanceof DeliveryOutcome.Delivered ? delivered : failed).incrementAndGet();
            t = breaker.onAnswer();
        }
        t.ifPresent(this::publish);
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
                finish(queued, DeliveryOutcome.retryable("sink layer shut down before batch "
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
        events.publish(new BatchEvent.SinkHealthChanged(clock.instant(), name(),
                t.to().name().toLowerCase(Locale.ROOT), t.cause(), t.failures(), t.until(), t.lastFailure(),
                t.detail()));
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

    SinkHealth health() {
        CircuitBreaker.Snapshot s = breaker.snapshot();
        int running;
        int waiting;
        synchronized (this) {
            running = inFlight;
            waiting = queue.size();
        }
        Sink sink = configured.sink();
        return new SinkHealth(name(), sink.type(), sink.describe(), true, s.state(), s.consecutiveFailures(),
                s.openSince(), s.nextProbeAt(), running, waiting, delivered.get(), failed.get(), s.lastFailure());
    }

    Instant now() {
        return clock.instant();
    }
}
