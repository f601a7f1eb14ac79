package dev.batchyard.engine;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.BatchMeta;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.RemovalCause;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreRecord;
import dev.batchyard.engine.store.StoredBatch;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.codec.EntriesCodec;
import dev.batchyard.codec.gojson.GoFailureCodec;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.DeliveryReceipt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;

/**
 * The state machine of a stored batch ({@code PENDING}, {@code IN_FLIGHT}, {@code RETRY_WAIT},
 * {@code DEAD}; see {@link BatchState} and {@code docs/architecture.md}): every transition is
 * decided under the store's lock, made durable, and only then announced as an event. Thread-safe.
 */
final class BatchLifecycle {
    private final LogStore store;
    private final EntriesCodec codec;
    /** Per-entry failures are few and need Go's JSON to stay lossless (see {@link GoFailureCodec}). */
    private final GoFailureCodec failureCodec = new GoFailureCodec(new GoJson());
    private final PersistenceConfig config;
    private final Backoff backoff;
    private final InFlight inFlight;
    private final EventBus events;
    private final Clock clock;

    BatchLifecycle(LogStore store, EntriesCodec codec, PersistenceConfig config, Backoff backoff,
                   InFlight inFlight, EventBus events, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.config = config;
        this.backoff = backoff;
        this.inFlight = inFlight;
        this.events = events;
        this.clock = clock;
    }

    BatchView persist(NewBatch batch) {
        return persisted(store.put(record(batch), config.storeLimits()).after());
    }

    /**
     * As {@link #persist}, answering once the batch is durable: refusals are thrown here, and the
     * future completes on the store's writer thread (see {@link LogStore#putAsync}).
     */
    CompletableFuture<BatchView> persistAsync(NewBatch batch) {
        return store.putAsync(record(batch), config.storeLimits()).thenApply(change -> persisted(change.after()));
    }

    /** The record a new batch is stored as: its entries encoded, its state fresh or as imported. */
    private StoreRecord.Put record(NewBatch batch) {
        BatchIds.require(batch.id());
        if (batch.sink().isBlank()) {
            throw new IllegalArgumentException("batch '" + batch.id() + "' has no sink");
        }
        OffsetDateTime created = batch.createdAt() != null ? batch.createdAt() : OffsetDateTime.now(clock);
        BatchState state = batch.retryCount() > 0 ? BatchState.RETRY_WAIT : BatchState.PENDING;
        Instant next = state == BatchState.RETRY_WAIT ? clock.instant() : null;
        BatchMeta meta = new BatchMeta(batch.sink(), state, batch.retryCount(), batch.lastAttempt(),
                batch.failureReason(), next, List.of());
        byte[] entries = codec.encode(batch.entries());
        return new StoreRecord.Put(batch.id(), created, batch.context(), batch.entries().size(), meta,
                entries, batch.legacyExtras(), failureCodec.encode(batch.failures()));
    }

    /** Says a durable new batch was persisted, and answers it as stored. */
    private BatchView persisted(StoredBatch stored) {
        events.publish(new BatchEvent.Persisted(clock.instant(), stored.id(), stored.meta().sink(),
                stored.entryCount(), stored.location().length()));
        // the batch as it was made durable: the recovery loop may already have taken it up (an imported batch
        // waiting to retry is due at once), and the caller asked what was stored, not what happened next
        return new BatchRow(stored, stored.meta().state(), config.requeueLoopLimit()).view();
    }

    /** The batch, unless it is not stored or was discarded (then it is in no view until restored). */
    Optional<StoredBatch> live(String id) {
        return store.get(id).filter(b -> !b.meta().discarded());
    }

    /** A live batch, or {@link UnknownBatchException}: what every action on a batch starts from. */
    StoredBatch requireLive(String id) {
        return live(id).orElseThrow(() -> new UnknownBatchException(id));
    }

    Optional<Batch> load(String id) {
        Optional<StoredBatch> stored = live(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoreRecord.Put> record = store.readRecord(id);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        List<LogEntry> entries;
        SortedMap<Integer, EntryFailure> failures;
        try {
            entries = codec.decode(record.get().entries());
            failures = failureCodec.decode(record.get().failures());
        } catch (IllegalArgumentException e) {
            throw new StoreException("batch '" + id + "' in " + store.directory() + " has entries or entry failures"
                    + " that do not decode: " + e.getMessage(), e);
        }
        return Optional.of(new Batch(view(store.get(id).orElse(stored.get())), entries, record.get().extras(),
                failures));
    }

    /** The sink confirmed the batch: remove it. The receipt goes with the event (the batch is gone). */
    void succeed(String id, String sink, Duration took, DeliveryReceipt receipt) {
        LogStore.Change change = store.remove(id, RemovalCause.DELIVERED, "delivered to " + sink);
        events.publish(new BatchEvent.Delivered(clock.instant(), id, sink, took, receipt));
    }

    /** An attempt failed: count it, schedule the next one or dead-letter the batch. */
    BatchView fail(String id, String reason, boolean retryable, Attempt attempt) {
        return fail(id, reason, retryable, true, attempt);
    }

    /**
     * An attempt failed: schedule the next one or dead-letter the batch. An attempt that is not
     * {@code counted} (an operator's "retry now") joins the history but leaves the retry count, and
     * so the automatic budget, as it was: a dead batch stays dead, another waits its backoff.
     */
    BatchView fail(String id, String reason, boolean retryable, boolean counted, Attempt given) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // a sink that names an entry the batch does not have is not believed about that entry
        int entryCount = store.get(id).map(StoredBatch::entryCount).orElse(0);
        Attempt attempt = given == null || given.rejections().isEmpty() ? given
                : given.withRejectionsMoved(i -> i < entryCount ? i : -1);
        LogStore.Change change = store.update(id, meta -> {
            int retries = counted ? meta.retryCount() + 1 : meta.retryCount();
            boolean dead = !retryable || counted && retries >= config.maxRecoveryRetries()
                    || meta.state() == BatchState.DEAD;
            Instant next = dead ? null : clock.instant().plus(backoff.delayAfter(Math.max(1, retries)));
            BatchMeta failed = meta.withFailure(retries, now, reason, dead ? BatchState.DEAD : BatchState.RETRY_WAIT, next);
            return attempt == null ? failed : failed.withAttempt(attempt);
        });
        BatchMeta meta = change.after().meta();
        if (meta.state() == BatchState.DEAD) {
            events.publish(new BatchEvent.DeadLettered(clock.instant(), id, meta.sink(), meta.failureReason(), meta.retryCount()));
        } else {
            events.publish(new BatchEvent.DeliveryFailed(clock.instant(), id, meta.sink(), meta.failureReason(),
                    meta.retryCount(), meta.nextAttemptAt()));
        }
        return view(change.after());
    }

    /**
     * An attempt failed and the sink's fallback policy moves the batch on: the failure joins its
     * history and the batch points at {@code target} with a fresh retry budget, due now, in one
     * durable change. Announced as the failure ({@code DeliveryFailed} on the old sink, due now)
     * and then the move ({@code Rerouted}).
     */
    void failAndReroute(String id, Attempt attempt, String target, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LogStore.Change change = store.update(id, meta -> new BatchMeta(target, BatchState.PENDING, 0, now,
                attempt.error(), null, meta.attempts(), meta.discard(), meta.requeues() + 1).withAttempt(attempt));
        BatchMeta before = change.before().meta();
        Instant at = clock.instant();
        events.publish(new BatchEvent.DeliveryFailed(at, id, before.sink(), change.after().meta().failureReason(),
                before.retryCount() + 1, at));
        events.publish(new BatchEvent.Rerouted(at, id, before.sink(), target, actor));
    }

    /**
     * A configuration problem holds the batch: {@code HELD}, with {@code reason}, its retry count
     * unchanged; {@code attempt} (the one that met the problem, or null when none was made) joins its
     * history.
     */
    void hold(String id, String reason, Attempt attempt) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LogStore.Change change = store.update(id, meta -> {
            BatchMeta held = meta.withFailure(meta.retryCount(), attempt == null ? meta.lastAttempt() : now, reason,
                    BatchState.HELD, null);
            return attempt == null ? held : held.withAttempt(attempt);
        });
        BatchMeta meta = change.after().meta();
        events.publish(new BatchEvent.Held(clock.instant(), id, meta.sink(), meta.failureReason()));
    }

    /**
     * A held batch whose problem may be gone is due again now, with the retries it had: as it was
     * before it was held ({@code PENDING} when never tried, else {@code RETRY_WAIT} due now).
     *
     * @return false when it was not held (any more)
     */
    boolean release(String id) {
        boolean[] released = {false};
        LogStore.Change change = store.update(id, meta -> {
            if (meta.state() != BatchState.HELD) {
                return meta;
            }
            released[0] = true;
            return meta.retryCount() == 0 && meta.attempts().isEmpty()
                    ? meta.withState(BatchState.PENDING, null) : meta.withState(BatchState.RETRY_WAIT, clock.instant());
        });
        if (released[0]) {
            events.publish(new BatchEvent.Released(clock.instant(), id, change.after().meta().sink()));
        }
        return released[0];
    }

    /**
     * An operator discards the batch: it leaves every view at once and is never sent, but is kept as
     * it was (a soft discard, durable) until the cleanup purges it after {@code discard_grace}; until
     * then {@link #restore} brings it back. This appends the change and returns before it is durable;
     * once the caller has waited for it ({@link LogStore#awaitDurable}), {@link #discarded} announces it.
     *
     * @throws UnknownBatchException when it is not stored, or already discarded
     */
    LogStore.Change discardWithoutWaiting(String id, String reason, Actor actor) {
        Instant now = clock.instant();
        return store.updateWithoutWaiting(id, meta -> {
            if (meta.discarded()) {
                throw new UnknownBatchException(id);
            }
            return meta.withDiscard(new BatchMeta.Discard(now, reason, actor.name()));
        });
    }

    /** Announces a discard once it is durable; an attempt still under way is forgotten (its answer is ignored). */
    void discarded(LogStore.Change change, String reason, Actor actor) {
        inFlight.forget(change.after().id());
        events.publish(new BatchEvent.Discarded(change.after().meta().discard().at(), change.after().id(),
                change.before().meta().sink(), reason, actor));
    }

    /**
     * Takes back a discard within {@code grace}: the batch is as it was before (state, retries,
     * history; due as it was).
     *
     * @return the restored batch, or why not: not discarded, or past its grace
     * @throws UnknownBatchException when it is not stored (purged, delivered or never there)
     */
    ActionResult restore(String id, Duration grace, Actor actor) {
        Instant now = clock.instant();
        StoredBatch stored = store.get(id).orElseThrow(() -> new UnknownBatchException(id));
        BatchMeta.Discard discard = stored.meta().discard();
        if (discard == null) {
            return ActionResult.of(id, ActionResult.Reason.NOT_DISCARDED);
        }
        if (!now.isBefore(discard.at().plus(grace))) {
            return ActionResult.of(id, ActionResult.Reason.PAST_GRACE, discard.at().toString(), grace.toString());
        }
        LogStore.Change change = store.update(id, meta -> meta.withDiscard(null));
        events.publish(new BatchEvent.Restored(now, id, change.after().meta().sink(), actor));
        return ActionResult.of(id, ActionResult.Reason.RESTORED);
    }

    /** The cleanup removes a discarded batch whose undo window is over. */
    void purge(String id, String why) {
        store.remove(id, RemovalCause.DISCARDED, why);
    }

    /** Points the batch at another sink with a fresh retry budget, due now (one more requeue for the loop guard). */
    BatchView reroute(String id, String sink, Actor actor) {
        LogStore.Change change = store.update(id, meta -> meta.requeuedTo(sink));
        rerouted(change, actor);
        return view(change.after());
    }

    /**
     * As {@link #reroute}, returning before the change is durable and without announcing it: the caller
     * waits for it ({@link LogStore#awaitDurable}), then calls {@link #rerouted}.
     */
    LogStore.Change rerouteWithoutWaiting(String id, String sink) {
        return store.updateWithoutWaiting(id, meta -> meta.requeuedTo(sink));
    }

    /** Announces a reroute once it is durable. */
    void rerouted(LogStore.Change change, Actor actor) {
        events.publish(new BatchEvent.Rerouted(clock.instant(), change.after().id(), change.before().meta().sink(),
                change.after().meta().sink(), actor));
    }

    /**
     * An operator requeues a dead batch: due now at {@code sink} (its own, or another) with a fresh
     * retry budget, one more requeue for the loop guard, and a note in its history saying so, in one
     * change. This appends it and returns before it is durable; once the caller has waited for it
     * ({@link LogStore#awaitDurable}), {@link #requeued} announces it.
     *
     * @return the change and its answer: {@code REQUEUED}, or {@code NOT_DEAD} for a batch that is not
     *         dead (any more), with nothing appended
     */
    Requeue requeueWithoutWaiting(String id, String sink, Actor actor) {
        Instant now = clock.instant();
        ActionResult[] result = {null};
        LogStore.Change change = store.updateWithoutWaiting(id, meta -> {
            if (meta.discarded()) {
                throw new UnknownBatchException(id);
            }
            if (meta.state() != BatchState.DEAD) {
                result[0] = ActionResult.of(id, ActionResult.Reason.NOT_DEAD, meta.state().name());
                return meta;
            }
            String to = sink == null ? meta.sink() : sink;
            String note = "requeued by " + actor.name() + " with a fresh retry budget (had " + meta.retryCount()
                    + " retries" + (to.equals(meta.sink()) ? "" : "; from " + meta.sink()) + ")";
            result[0] = ActionResult.of(id, ActionResult.Reason.REQUEUED, to, Integer.toString(meta.requeues() + 1));
            return meta.requeuedTo(to).withAttempt(new Attempt(now, to, Duration.ZERO, Attempt.Outcome.REQUEUED, note));
        });
        return new Requeue(change, result[0], now);
    }

    /**
     * A requeue appended and not yet durable, or refused ({@code NOT_DEAD}, nothing appended): its
     * answer, and when it was decided.
     */
    record Requeue(LogStore.Change change, ActionResult result, Instant at) {
        boolean made() {
            return result.reason() == ActionResult.Reason.REQUEUED;
        }
    }

    /** Announces a requeue once it is durable. */
    void requeued(Requeue requeue, Actor actor) {
        BatchMeta after = requeue.change().after().meta();
        events.publish(new BatchEvent.Requeued(requeue.at(), requeue.change().after().id(),
                requeue.change().before().meta().sink(), after.sink(), after.requeues(), actor));
    }

    /** The retention policy removes the batch; {@code why} names the rule (kept with the removal record). */
    void expire(String id, String why) {
        LogStore.Change change = store.remove(id, RemovalCause.EXPIRED, why);
        Duration age = Duration.between(change.before().createdAt().toInstant(), clock.instant());
        events.publish(new BatchEvent.Expired(clock.instant(), id, change.before().meta().sink(), age));
    }

    BatchView view(StoredBatch b) {
        return row(b).view();
    }

    /** The batch as a view would show it, without building the view: IN_FLIGHT while a worker sends it. */
    BatchRow row(StoredBatch b) {
        return new BatchRow(b, inFlight.sending(b.id()) ? BatchState.IN_FLIGHT : b.meta().state(),
                config.requeueLoopLimit());
    }

    Clock clock() {
        return clock;
    }
}
