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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due batches to their sinks and records how each attempt ended. A batch is due when it is
 * {@code PENDING}, or {@code RETRY_WAIT} with its next attempt in the past. Before sending, the
 * loop asks the sink layer's {@link Delivery#admit} (it is the only caller: asking may take a
 * breaker's probe lease): a batch held back costs no retry; one whose sink is not configured is
 * marked {@code HELD} (visible, kept, its budget untouched) and is no longer due; one the
 * sink layer reroutes is moved at once. At most {@code MAX_IN_FLIGHT} attempts run at once; one
 * that outlives {@code batch_timeout} counts as failed ("timed out in flight") and its late answer
 * is ignored. Answers are applied by the {@link OutcomeRecorder}. Runs on its own thread; wakes on
 * each tick, whenever a batch is persisted and whenever an attempt ends (its slot is free); passes
 * stay paced by {@code PASS_PACING}.
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
    private final OutcomeRecorder outcomes;
    private volatile boolean paused;
    /** The sinks the last pass found holding their batches back (see {@link #persisted}). */
    private volatile Set<String> holding = Set.of();
    private int lastHeld;
    private long lastPassMillis;
    private volatile boolean running = true;

    RecoveryLoop(LogStore store, BatchLifecycle lifecycle, InFlight inFlight, Delivery delivery,
                 PersistenceConfig config, EventBus events, ExecutorService workers, Duration tick, OutcomeRecorder outcomes) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.inFlight = inFlight;
        this.delivery = delivery;
        this.config = config;
        this.events = events;
        this.clock = lifecycle.clock();
        this.workers = workers;
        this.tick = tick;
        this.outcomes = outcomes;
        this.thread = new Thread(this::run, "batchyard-recovery");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void wakeUp() {
        wake.release();
    }

    /**
     * A batch for {@code sink} was persisted: wakes the loop, unless the last pass found that sink
     * holding its batches back ({@link Admission.Hold}: its breaker is open, its slots are taken). A
     * pass would only count the new batch among the held ones, and with the sink down every persist
     * paid for a pass over the whole backlog (a fifth of a core at the pacing's bound, while producers
     * are what a store under a down sink is busy with). What lifts a hold wakes the loop itself: a
     * finished attempt frees a slot, an operator acts, or the next tick asks the sink again.
     */
    void persisted(String sink) {
        if (!holding.contains(sink)) {
            wake.release();
        }
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
                    outcomes.failed(stale.getKey(), a, Attempt.Outcome.TIMED_OUT,
                            "timed out in flight after " + config.batchTimeout());
                } catch (UnknownBatchException gone) {
                    // removed meanwhile
                } finally {
                    inFlight.release(stale.getKey(), a.token());
                }
            }
        }
        if (paused || !store.healthy()) {
            return;
        }
        int room = MAX_IN_FLIGHT - inFlight.size();
        DueBatches due = DueBatches.scan(store.all(), now, inFlight::contains, room, delivery::admit);
        int dispatched = 0;
        for (StoredBatch b : due.candidates()) {
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                break;
            }
            String sink = b.meta().sink();
            Admission admission = due.next(sink, delivery::admit);
            if (admission instanceof Admission.Send && dispatch(b.id(), sink, false)) {
                dispatched++;
            } else if (admission instanceof Admission.Reroute reroute && !reroute.target().equals(sink)) {
                moveBeforeSending(b.id(), sink, reroute); // (to its own sink would be against Delivery's contract)
            }
        }
        for (StoredBatch b : due.notConfigured()) {
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                break;
            }
            holdBeforeSending(b.id(), b.meta().sink());
        }
        holding = due.holding(); // after the candidates: a sink may close half-way through them
        int held = due.held();
        if (dispatched > 0 || held != lastHeld) {
            lastHeld = held;
            events.publish(new BatchEvent.RecoveryPass(clock.instant(), due.total(), dispatched, held));
        }
    }

    /**
     * Moves a batch its sink will not take any more, on a worker like an attempt (a durable change
     * and an audit record each: serially on this thread they would stretch the pass that paces the
     * loop).
     */
    private void moveBeforeSending(String id, String sink, Admission.Reroute reroute) {
        changeOnWorker(id, sink, () -> outcomes.rerouted(id, sink, reroute),
                () -> "cannot reroute batch '" + id + "' from '" + sink + "' to '" + reroute.target() + "'",
                this::wakeUp); // due now at its new sink: the next pass need not wait for a tick
    }

    /**
     * Marks a batch whose sink is not configured {@code HELD} (its budget untouched), on a worker
     * like a reroute and for the same reason; once held it is no longer due, so this happens once.
     */
    private void holdBeforeSending(String id, String sink) {
        changeOnWorker(id, sink, () -> outcomes.notConfigured(id, sink),
                () -> "cannot hold batch '" + id + "' of unconfigured sink '" + sink + "'", () -> { });
    }

    /**
     * Runs {@code change} to a batch on a worker, the batch marked in flight meanwhile so neither the
     * next pass nor an operator's retry takes it; a batch removed meanwhile is left alone, and
     * {@code afterwards} runs once the change is done (or failed, which is logged).
     */
    private void changeOnWorker(String id, String sink, Runnable change, Supplier<String> failure, Runnable afterwards) {
        Optional<InFlight.Attempt> started = inFlight.start(id, sink, clock.instant(), false);
        if (started.isEmpty()) {
            return;
        }
        long token = started.get().token();
        if (stillAt(id, sink).isEmpty()) {
            inFlight.release(id, token);
            return;
        }
        workers.execute(() -> {
            if (!inFlight.claim(id, token)) {
                return;
            }
            try {
                change.run();
            } catch (UnknownBatchException gone) {
                // removed meanwhile
            } catch (RuntimeException e) {
                LOG.error(failure.get(), e);
            } finally {
                inFlight.release(id, token);
            }
            afterwards.run();
        });
    }

    /**
     * Starts an attempt now, whatever the backoff and the breaker say. False if already in flight.
     *
     * @param manual an operator's "retry now": its failure is in the history but not in the retry count
     */
    boolean dispatch(String id, String sink, boolean manual) {
        Optional<InFlight.Attempt> started = inFlight.start(id, sink, clock.instant(), manual);
        if (started.isEmpty()) {
            return false;
        }
        InFlight.Attempt attempt = started.get();
        Optional<StoredBatch> current = stillAt(id, sink);
        if (current.isEmpty()) {
            inFlight.release(id, attempt.token());
            return false;
        }
        events.publish(new BatchEvent.DeliveryStarted(clock.instant(), id, sink, current.get().meta().retryCount() + 1));
        workers.execute(() -> send(id, attempt));
        return true;
    }

    /**
     * Batch {@code id}, just marked in flight, if it is still stored for {@code sink}, the sink the
     * pass read it at; empty when it is gone or was moved. The pass reads the index before it marks
     * a batch, so an operator's reroute can come in between (it holds the batch against the loop only
     * while it writes), and what the pass decided for the old sink (send, hold as not configured,
     * reroute by policy) is not for the new one: a hold decided for an unconfigured sink and written
     * after a reroute into Kafka left the batch HELD at Kafka, "sink 'parked' is not configured", never
     * sent. Once the batch is marked, a reroute is refused (in flight) until the loop releases it. When
     * empty, the loop is woken: the next pass takes the batch where it is now.
     */
    private Optional<StoredBatch> stillAt(String id, String sink) {
        Optional<StoredBatch> current = store.get(id).filter(b -> b.meta().sink().equals(sink));
        if (current.isEmpty()) {
            wakeUp();
        }
        return current;
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
            if (error != null || result == null) {
                outcomes.failed(id, attempt, Attempt.Outcome.FAILED,
                        error != null ? "sink error: " + error : "the sink layer answered nothing");
            } else {
                outcomes.answered(id, attempt, result);
            }
        } catch (UnknownBatchException gone) {
            // discarded or expired while in flight: nothing left to record
        } catch (RuntimeException e) {
            LOG.error("cannot record the outcome of batch '{}'", id, e);
        } finally {
            inFlight.release(id, attempt.token());
        }
        // A slot is free (and a rerouted batch is due now at its new sink): the next due batch need
        // not wait for the tick. Draining a backlog into Kafka, waiting for the tick left the sink
        // idle most of the time (64 batches per 250 ms tick at most).
        wakeUp();
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
