package dev.batchyard.engine;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.DamagedBatchException;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.StoredBatch;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.model.Attempt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due batches to their sinks and records how each attempt ended. A batch is due when it is
 * {@code PENDING}, or {@code RETRY_WAIT} with its next attempt in the past; the sink layer's gate
 * may hold it (breaker open) or mark its sink unknown, which costs no retry. At most
 * {@code maxInFlight} attempts run at once; one that outlives {@code batch_timeout} counts as
 * failed ("timed out in flight") and its late answer is ignored. Runs on its own thread; wakes on
 * each tick and whenever a batch is persisted.
 */
final class RecoveryLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryLoop.class);
    static final int MAX_IN_FLIGHT = 64;
    private static final long MIN_GAP_MILLIS = 5;
    /** Idle for this many times the last pass's duration before the next: at most 1/(1+n) of a core. */
    private static final long PASS_PACING = 4;

    private final LogStore store;
    private final BatchLifecycle lifecycle;
    private final InFlight inFlight;
    private final Delivery delivery;
    private final PersistenceConfig config;
    private final EventBus events;
    private final Clock clock;
    private final ExecutorService workers;
    private final Duration tick;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private final FallbackPolicy fallback;
    private volatile boolean paused;
    private int lastHeld;
    private long lastPassMillis;
    private volatile boolean running = true;

    RecoveryLoop(LogStore store, BatchLifecycle lifecycle, InFlight inFlight, Delivery delivery,
                 PersistenceConfig config, EventBus events, ExecutorService workers, Duration tick, FallbackPolicy fallback) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.inFlight = inFlight;
        this.delivery = delivery;
        this.config = config;
        this.events = events;
        this.clock = lifecycle.clock();
        this.workers = workers;
        this.tick = tick;
        this.fallback = fallback;
        this.thread = new Thread(this::run, "batchyard-recovery");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void wakeUp() {
        wake.release();
    }

    void setPaused(boolean value) {
        paused = value;
        wakeUp();
    }

    boolean paused() {
        return paused;
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(tick.toMillis(), TimeUnit.MILLISECONDS);
                // let a burst of persists share one pass, and keep the loop's share of a core
                // bounded whatever the backlog: a pass over 100,000 batches takes milliseconds
                Thread.sleep(Math.max(MIN_GAP_MILLIS, lastPassMillis * PASS_PACING));
                wake.drainPermits();
                if (running) {
                    long started = System.nanoTime();
                    pass();
                    lastPassMillis = (System.nanoTime() - started) / 1_000_000;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("recovery pass failed; retrying on the next tick", e);
            }
        }
    }

    /** One pass: time out stale attempts, then send what is due. */
    void pass() {
        Instant now = clock.instant();
        for (var stale : inFlight.startedBefore(now.minus(config.batchTimeout()))) {
            InFlight.Attempt a = stale.getValue();
            if (inFlight.claim(stale.getKey(), a.token())) {
                try {
                    record(stale.getKey(), a, Attempt.Outcome.TIMED_OUT,
                            "timed out in flight after " + config.batchTimeout(), true);
                } finally {
                    inFlight.release(stale.getKey(), a.token());
                }
            }
        }
        if (paused || !store.healthy()) {
            return;
        }
        int room = MAX_IN_FLIGHT - inFlight.size();
        DueBatches due = DueBatches.scan(store.all(), now, inFlight::contains, room, delivery::gate);
        int dispatched = 0;
        for (StoredBatch b : due.candidates()) {
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                break;
            }
            String sink = b.meta().sink();
            if (due.mayTake(sink, delivery::gate) && dispatch(b.id(), sink)) {
                dispatched++;
            }
        }
        int held = due.held();
        if (dispatched > 0 || held != lastHeld) {
            lastHeld = held;
            events.publish(new BatchEvent.RecoveryPass(clock.instant(), due.total(), dispatched, held));
        }
    }

    /** Starts an attempt now, whatever the backoff and the breaker say. False if already in flight. */
    boolean dispatch(String id, String sink) {
        Optional<InFlight.Attempt> started = inFlight.start(id, sink, clock.instant());
        if (started.isEmpty()) {
            return false;
        }
        InFlight.Attempt attempt = started.get();
        events.publish(new BatchEvent.DeliveryStarted(clock.instant(), id, sink,
                store.get(id).map(b -> b.meta().retryCount() + 1).orElse(1)));
        workers.execute(() -> send(id, attempt));
        return true;
    }

    private void send(String id, InFlight.Attempt attempt) {
        CompletableFuture<DeliveryOutcome> outcome;
        try {
            Optional<Batch> batch = lifecycle.load(id);
            if (batch.isEmpty()) {
                inFlight.release(id, attempt.token());
                return;
            }
            outcome = delivery.deliver(batch.get());
        } catch (DamagedBatchException e) {
            inFlight.release(id, attempt.token()); // set aside and reported by the store: not the sink's failure
            return;
        } catch (RuntimeException e) {
            outcome = CompletableFuture.completedFuture(DeliveryOutcome.retryable("could not send: " + e));
        }
        outcome.whenCompleteAsync((result, error) -> complete(id, attempt, result, error), workers);
    }

    private void complete(String id, InFlight.Attempt attempt, DeliveryOutcome result, Throwable error) {
        if (!inFlight.claim(id, attempt.token())) {
            return; // timed out or discarded meanwhile: this answer is stale
        }
        try {
            if (error != null) {
                record(id, attempt, Attempt.Outcome.FAILED, "sink error: " + error, true);
            } else if (result instanceof DeliveryOutcome.Failed failed) {
                record(id, attempt, Attempt.Outcome.FAILED, failed.reason(), failed.retryable());
            } else {
                lifecycle.succeed(id, attempt.sink(), Duration.between(attempt.startedAt(), clock.instant()));
            }
        } catch (UnknownBatchException gone) {
            // discarded or expired while in flight: nothing left to record
        } catch (RuntimeException e) {
            LOG.error("cannot record the outcome of batch '{}'", id, e);
        } finally {
            inFlight.release(id, attempt.token());
        }
    }

    private void record(String id, InFlight.Attempt a, Attempt.Outcome outcome, String reason, boolean retryable) {
        Attempt attempt = new Attempt(a.startedAt(), a.sink(), Duration.between(a.startedAt(), clock.instant()), outcome, reason);
        try {
            BatchView failed = lifecycle.fail(id, reason, retryable, attempt);
            fallback.consider(failed);
        } catch (UnknownBatchException gone) {
            // removed meanwhile
        }
    }

    @Override
    public void close() {
        running = false;
        wakeUp();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
