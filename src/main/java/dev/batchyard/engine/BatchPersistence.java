package dev.batchyard.engine;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.engine.store.Disk;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.StoreReadOnlyException;
import dev.batchyard.engine.store.StoredBatch;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DeliveryReceipt;
import dev.batchyard.model.LogEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store of pending log batches: the Java counterpart of the Go agent's
 * {@code BatchPersistence}, made durable. Every method that changes state returns only once the
 * change is fsync'd (see {@link LogStore} for the on-disk format and crash behaviour). Operator
 * actions act on exactly the ids given, answer per id, and are written to {@code audit.log}.
 * Thread-safe; the engine runs its loops on its own daemon threads.
 */
public final class BatchPersistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BatchPersistence.class);

    private final PersistenceConfig config;
    private final LogStore store;
    private final EventBus events;
    private final Clock clock;
    private final Delivery delivery;
    private final InFlight inFlight = new InFlight();
    private final BatchLifecycle lifecycle;
    private final AuditTrail audit;
    private final RecoveryLoop recovery;
    private final CleanupLoop cleanup;
    private final StoreMaintenance maintenance;
    private final OperatorActions actions;
    private final Repairs repairs;
    private final Edits edits;
    private final ExecutorService workers;
    private final Upkeep upkeep;
    private final DamageLedger damage;
    private final ThrottledReplay replay;

    private BatchPersistence(PersistenceConfig config, Delivery delivery, Clock clock, EventBus events,
                             EngineOptions options, LogStore store, DamageLedger damage) {
        this.config = config;
        this.delivery = delivery;
        this.clock = clock;
        this.events = events;
        this.store = store;
        this.damage = damage;
        Backoff backoff = new Backoff(config.recoveryBackoffBase(), config.recoveryBackoffMax(), options.jitter());
        this.lifecycle = new BatchLifecycle(store, options.codec(), config, backoff, inFlight, events, clock);
        this.audit = options.readOnly() ? null : new AuditTrail(config.directory(), store.disk());
        this.workers = Executors.newFixedThreadPool(8, Upkeep.daemon("batchyard-delivery"));
        this.upkeep = new Upkeep(clock, config.cleanupInterval());
        this.recovery = new RecoveryLoop(store, lifecycle, inFlight, delivery, config, events, workers,
                options.recoveryTick(), new OutcomeRecorder(lifecycle, audit));
        this.cleanup = new CleanupLoop(store, lifecycle, inFlight, config, events, audit);
        this.maintenance = new StoreMaintenance(store, events, clock);
        Replacing replacing = Replacing.of(store, lifecycle, inFlight, options.codec(), config, audit, events, clock);
        this.edits = new Edits(replacing);
        this.actions = new OperatorActions(store, lifecycle, recovery, inFlight, delivery, audit, events, clock, edits);
        this.replay = new ThrottledReplay(new ReplayFiles(config.directory(), damage, options.readOnly()),
                actions::replayStep, audit, clock);
        this.repairs = new Repairs(replacing);
    }

    /** Opens (creating if needed) the store in {@code config.directory()}, locking it, with default options. */
    public static BatchPersistence open(PersistenceConfig config, Delivery delivery, Clock clock) {
        return open(config, delivery, clock, EngineOptions.defaults());
    }

    /** As {@link #open(PersistenceConfig, Delivery, Clock)}, publishing on a bus shared with the sink layer. */
    public static BatchPersistence open(PersistenceConfig config, Delivery delivery, Clock clock, EventBus events) {
        return open(config, delivery, clock, events, EngineOptions.defaults());
    }

    public static BatchPersistence open(PersistenceConfig config, Delivery delivery, Clock clock, EngineOptions options) {
        return open(config, delivery, clock, new EventBus(clock), options);
    }

    /** As above, publishing on a bus shared with the sink layer (subscribe before opening to see start-up events). */
    public static BatchPersistence open(PersistenceConfig config, Delivery delivery, Clock clock, EventBus events,
                                        EngineOptions options) {
        return open(config, delivery, clock, events, options, Disk.local());
    }

    /** As above, on {@code disk}: the power-loss tests open the engine on a simulated disk. */
    static BatchPersistence open(PersistenceConfig config, Delivery delivery, Clock clock, EventBus events,
                                 EngineOptions options, Disk disk) {
        Instant started = clock.instant();
        DamageLedger damage = new DamageLedger(clock, events);
        LogStore store = LogStore.open(config.directory(), options.readOnly(), options.maxSegmentBytes(), damage, disk,
                options.storeObserver());
        BatchPersistence engine;
        try {
            engine = new BatchPersistence(config, delivery, clock, events, options, store, damage);
        } catch (RuntimeException e) {
            store.close(); // or the lock outlives the failed open, and the next open in this process is refused
            throw e;
        }
        damage.opened(engine.audit); // what the open found: to the audit trail and the bus, in the order found
        events.publish(new BatchEvent.RecoveredAtStartup(clock.instant(), StoreStatistics.countByState(store, engine.inFlight),
                Duration.between(started, clock.instant())));
        if (!options.readOnly()) {
            engine.startLoops(options);
        }
        return engine;
    }

    /**
     * Batches held for a configuration problem are given another chance when the engine opens (the
     * configuration may have been fixed since): each whose sink is configured now is due again, with
     * its retries as they were; one line in the audit trail. A problem that is still there holds the
     * batch again after one attempt, so a restart costs at most one attempt per held batch.
     */
    private void releaseHeldBatches() {
        List<ActionResult> released = new ArrayList<>();
        for (StoredBatch b : List.copyOf(store.all())) {
            if (b.meta().state() == BatchState.HELD && !b.meta().discarded() && delivery.health(b.meta().sink()).configured()) {
                try {
                    if (lifecycle.release(b.id())) {
                        released.add(ActionResult.of(b.id(), ActionResult.Reason.RELEASED, b.meta().sink()));
                    }
                } catch (UnknownBatchException gone) {
                    // cannot happen before the loops start; nothing to release
                }
            }
        }
        if (!released.isEmpty()) {
            audit.record(clock.instant(), Actor.policy("configuration"), "release", "sink configured at open", released);
        }
    }

    private void startLoops(EngineOptions options) {
        releaseHeldBatches();
        recovery.start();
        upkeep.start(cleanup::pass, maintenance::pass, options.maintenanceInterval());
        if (options.resumesReplay()) {
            replay.resumeLeftRunning();
        }
    }

    // ---- the Go agent's API ----------------------------------------------------------------

    public BatchView persistBatch(String id, List<LogEntry> entries, String sink) {
        return persistBatch(NewBatch.of(id, entries, sink));
    }

    /**
     * Persists a batch (fresh, or imported with its history); returns once it is durable, with the batch as it was
     * stored (the recovery loop may take it up at once; the answer does not say so).
     */
    public BatchView persistBatch(NewBatch batch) {
        BatchView view = lifecycle.persist(batch);
        recovery.persisted(batch.sink());
        return view;
    }

    /**
     * As {@link #persistBatch(NewBatch)} without parking the caller until the group commit: for a server
     * that answers many callers from few threads. Refusals (back-pressure, a duplicate id, too large, no
     * sink) are thrown at once with nothing stored. The future completes with the batch as stored once it
     * is durable, on the store's writer thread, so what the caller chains onto it must not block; it
     * fails with a {@link dev.batchyard.engine.store.StoreException} if the log stopped before that, and
     * then the batch must not be taken as stored.
     */
    public CompletableFuture<BatchView> persistBatchAsync(NewBatch batch) {
        return lifecycle.persistAsync(batch).thenApply(view -> {
            recovery.persisted(batch.sink());
            return view;
        });
    }

    /** The sink confirmed the batch: it is removed. */
    public void markBatchSuccess(String id) {
        StoredBatch b = lifecycle.requireLive(id);
        lifecycle.succeed(id, b.meta().sink(), Duration.ZERO, DeliveryReceipt.NONE);
    }

    /** A send failed: the retry count grows and the batch waits for backoff, or goes DEAD. */
    public BatchView markBatchFailed(String id, String reason) {
        StoredBatch b = lifecycle.requireLive(id);
        // the caller sent it itself: its attempt goes into the retry history like the loop's own
        Attempt attempt = new Attempt(clock.instant(), b.meta().sink(), Duration.ZERO, Attempt.Outcome.FAILED, reason);
        return lifecycle.fail(id, reason, true, attempt);
    }

    // ---- queries ---------------------------------------------------------------------------

    public List<BatchView> pendingBatches() {
        return query(BatchQuery.all());
    }

    /** Metadata of the batches matching {@code query}, oldest first; entries are not loaded. */
    public List<BatchView> query(BatchQuery query) {
        return matching(query)
                .sorted(Comparator.comparing((BatchView v) -> v.createdAt().toInstant()).thenComparing(BatchView::id))
                .toList();
    }

    /**
     * Metadata of the batches matching {@code query} in no particular order, each made as the stream
     * is consumed.
     */
    public Stream<BatchView> matching(BatchQuery query) {
        return rows(query).map(BatchRow::view);
    }

    /**
     * The batches matching {@code query} in no particular order, as rows taken from the live index
     * (weakly consistent: no copy of it) as the stream is consumed, whose views are built only when
     * asked for: for a caller that keeps only a page of them (a view for each of a million batches,
     * or sorting them all, would cost more).
     */
    public Stream<BatchRow> rows(BatchQuery query) {
        var matches = query.rowMatcher(clock.instant());
        return store.all().stream().filter(b -> !b.meta().discarded()).map(lifecycle::row).filter(matches);
    }

    /**
     * The ids of the live batches matching {@code query} in the order their records lie on disk (segment, then
     * offset), so that reading their entries one after another ({@link #batch}) reads the store front to back
     * instead of seeking at random: what a search through every entry wants. A snapshot of ids only (no entries, no
     * views); a batch removed after it was taken is simply not found by {@link #batch}.
     */
    public List<String> idsInStoreOrder(BatchQuery query) {
        var matches = query.rowMatcher(clock.instant());
        return store.all().stream().filter(b -> !b.meta().discarded())
                .filter(b -> matches.test(lifecycle.row(b)))
                .sorted(Comparator.comparingLong((StoredBatch b) -> b.location().segmentId())
                        .thenComparingLong(b -> b.location().offset()))
                .map(StoredBatch::id).toList();
    }

    /**
     * Batch {@code id} as {@link #rows} would give it now; empty when it is not stored, or was discarded: for
     * a caller that keeps ids between passes and looks their rows up again.
     */
    public Optional<BatchRow> row(String id) {
        return lifecycle.live(id).map(lifecycle::row);
    }

    /** How many batches are stored, discarded ones not counted: as many as {@code rows(BatchQuery.all())}, no pass. */
    public int size() {
        return store.size() - store.countDiscarded();
    }

    /** A stored batch's metadata; empty when it is not stored, or was discarded (see {@link #discarded()}). */
    public Optional<BatchView> find(String id) {
        return lifecycle.live(id).map(lifecycle::view);
    }

    /**
     * The discarded batches that can still be restored (their undo window, {@code discard_grace},
     * is not over), most recently discarded first.
     */
    public List<DiscardedBatch> discarded() {
        Instant now = clock.instant();
        return store.all().stream().filter(b -> b.meta().discarded())
                .map(b -> new DiscardedBatch(lifecycle.view(b), b.meta().discard().at(), b.meta().discard().reason(),
                        b.meta().discard().actor(), b.meta().discard().at().plus(config.discardGrace()),
                        b.meta().discard().versionOf()))
                .filter(d -> now.isBefore(d.restorableUntil()))
                .sorted(Comparator.comparing(DiscardedBatch::discardedAt).reversed().thenComparing(d -> d.batch().id()))
                .toList();
    }

    /** The batch with its entries, read from disk now. */
    public Optional<Batch> batch(String id) {
        return lifecycle.load(id);
    }

    public StoreStats stats() {
        return StoreStatistics.of(store, inFlight, recovery.paused(), upkeep.nextCleanup());
    }

    /** How full the store is against its caps, its recent growth, its oldest batch's expiry and its segments. */
    public StoreCapacity capacity() {
        return StoreStatistics.capacity(store, config, clock.instant());
    }

    /** What each sink has waiting, by state: batches, bytes, oldest (one pass over the index). */
    public List<SinkBacklog> backlog() {
        return StoreStatistics.backlog(store, inFlight);
    }

    /** False once the log stopped accepting writes (an I/O error), or when open read-only. */
    public boolean isHealthy() {
        return store.healthy();
    }

    /** Why the store is not healthy, or empty. */
    public String healthProblem() {
        return store.healthy() ? "" : store.failure();
    }

    /** Damage found when the store was opened. */
    public List<BatchEvent.CorruptionFound> damageFoundAtOpen() {
        return damage.atOpen();
    }

    /** All damage found since the open (also published, and audited): for whoever looks later, like a late subscriber. */
    public List<BatchEvent.CorruptionFound> damage() {
        return damage.all();
    }

    // ---- operator actions ------------------------------------------------------------------

    /** Sends each batch now, bypassing backoff and the circuit breaker. */
    public List<ActionResult> retryNow(Collection<String> ids, Actor actor) {
        requireWritable();
        return actions.retryNow(ids, actor);
    }

    /**
     * Takes each batch out of every view and out of delivery at once; it is kept, durably, for
     * {@code discard_grace} (restorable with {@link #restore}), then purged by the cleanup.
     */
    public List<ActionResult> discard(Collection<String> ids, String reason, Actor actor) {
        requireWritable();
        return actions.discard(ids, reason, actor);
    }

    /** Brings back each batch discarded less than {@code discard_grace} ago, as it was. */
    public List<ActionResult> restore(Collection<String> ids, Actor actor) {
        requireWritable();
        return actions.restore(ids, config.discardGrace(), actor);
    }

    /** Points each batch at {@code sink} (which must be configured) with a fresh retry budget, due now. */
    public List<ActionResult> reroute(Collection<String> ids, String sink, Actor actor) {
        requireWritable();
        return actions.reroute(ids, sink, actor);
    }

    /**
     * Splits one batch into new batches of its sink and context ({@link SplitRequest}: its rejected
     * entries and the rest, chosen entries and the rest, or chunks of N), in one durable, atomic
     * change; the batch's history goes with its parts, each noting "split from" it. A dry run only
     * says what it would make. Refused with a clear message, and nothing changed, for a batch of one
     * entry, an index it does not have, a batch in flight, discarded, gone or changed meanwhile.
     *
     * @throws IllegalArgumentException for a request that cannot be done to this batch
     * @throws dev.batchyard.engine.store.BatchChangedException when it changed or is in flight
     * @throws UnknownBatchException when it is not stored (or discarded)
     */
    public RepairResult split(SplitRequest request, Actor actor) {
        if (!request.dryRun()) {
            requireWritable();
        }
        RepairResult result = repairs.split(request, actor);
        recovery.wakeUp();
        return result;
    }

    /**
     * Merges batches of one sink into one new batch, their entries in the order given, in one
     * durable, atomic change; refused (nothing changed) for batches of different sinks, one in
     * flight, a result over {@code max_batch_bytes}. A dry run only says what it would make.
     */
    public RepairResult merge(MergeRequest request, Actor actor) {
        if (!request.dryRun()) {
            requireWritable();
        }
        RepairResult result = repairs.merge(request, actor);
        recovery.wakeUp();
        return result;
    }

    /**
     * Edits stored batches before they are sent again ({@link EditRequest}: remove entries, replace one
     * entry, set or remove a label on every entry of several batches), in one durable, atomic change.
     * Each batch keeps its id, sink, state and history, which gains a note of what changed; the version
     * it replaced is kept as a discarded batch for {@code discard_grace}, and {@link #restore} of it puts it
     * back. Refused with a clear message, and nothing changed, for an edit that cannot be done (an empty
     * label key, JSON that is not a log entry, removing every entry, an index the batch does not have), a
     * batch in flight, discarded, gone or changed meanwhile.
     *
     * @throws IllegalArgumentException for an edit that cannot be done
     * @throws dev.batchyard.engine.store.BatchChangedException when a batch changed or is in flight
     * @throws UnknownBatchException when a batch is not stored (or discarded)
     */
    public EditResult edit(EditRequest request, Actor actor) {
        requireWritable();
        EditResult result = edits.edit(request, actor);
        recovery.wakeUp();
        return result;
    }

    /**
     * Writes {@code transfer} (an import or export a tool made) to the audit trail on behalf of
     * {@code actor}, as one line ({@code import}: {@code from DIR}, {@code export}: {@code to DIR})
     * with each id. A store open read-only has no trail to write (its writer holds it): then nothing
     * is written and the answer is false, so the tool can say the transfer went unaudited.
     */
    public boolean recordTransfer(Transfer transfer, Actor actor) {
        if (audit == null) {
            return false;
        }
        audit.record(clock.instant(), actor, transfer.kind().action(),
                (transfer.kind() == Transfer.Kind.IMPORT ? "from " : "to ") + transfer.place(), transfer.results());
        return true;
    }

    /**
     * Requeues each dead batch to {@code sink} ({@code null}: its own) with a fresh retry budget, due
     * now; its history says so and its requeue count (the loop guard's) grows by one.
     */
    public List<ActionResult> requeue(Collection<String> ids, String sink, Actor actor) {
        requireWritable();
        return actions.requeue(ids, sink, actor);
    }

    /**
     * Starts {@code request} as the store's throttled replay, durable, on its own thread (see
     * {@link ThrottledReplay} and {@link ReplayFiles} for the pace and what a crash leaves).
     *
     * @throws IllegalStateException when another replay is running or paused
     */
    public ReplayStatus startReplay(ReplayRequest request, Actor actor) {
        requireWritable();
        return replay.start(request, actor);
    }

    /** The store's replay as its progress says (the last one, finished or cancelled, until another starts). */
    public Optional<ReplayStatus> replay() {
        return replay.current();
    }

    /** @throws IllegalStateException when there is no replay to pause, resume or cancel */
    public ReplayStatus controlReplay(ReplayControl control, Actor actor) {
        requireWritable();
        return replay.control(control, actor);
    }

    public CleanupReport runCleanupNow() {
        return runCleanupNow(Actor.osUser());
    }

    /** Runs a cleanup pass now on behalf of {@code actor}: audited as {@code run-cleanup} (its removals as the pass's own line). */
    public CleanupReport runCleanupNow(Actor actor) {
        requireWritable();
        CleanupReport report = cleanup.pass();
        audit.record(clock.instant(), actor, "run-cleanup", report.expiredIds().size() + " removed", List.of());
        return report;
    }

    public void pauseRecovery(Actor actor) {
        toggleRecovery(true, actor);
    }

    public void resumeRecovery(Actor actor) {
        toggleRecovery(false, actor);
    }

    public boolean isRecoveryPaused() {
        return recovery.paused();
    }

    /** When the next scheduled cleanup pass runs, or null when open read-only. */
    public Instant nextCleanupAt() {
        return upkeep.nextCleanup();
    }

    /** A new bounded mailbox of events; close it to unsubscribe. */
    public EventSubscription subscribe(int capacity) {
        return events.subscribe(capacity);
    }

    public Path directory() {
        return config.directory();
    }

    public PersistenceConfig config() {
        return config;
    }

    public boolean isReadOnly() {
        return store.readOnly();
    }

    /** Stops the loops, lets queued writes finish, writes a checkpoint, releases the lock. */
    @Override
    public void close() {
        close(true);
    }

    /**
     * As {@link #close()}, without the checkpoint: the next open rebuilds the index by replaying the
     * log, as after a process death (see {@link LogStore#closeWithoutCheckpoint()}; nothing
     * acknowledged is at risk).
     */
    public void closeWithoutCheckpoint() {
        close(false);
    }

    private void close(boolean withCheckpoint) {
        replay.close();
        recovery.close();
        workers.shutdown();
        upkeep.close();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (withCheckpoint) {
            store.close();
        } else {
            store.closeWithoutCheckpoint();
        }
        if (audit != null) {
            try {
                audit.close();
            } catch (IOException e) {
                LOG.warn("closing the audit trail of {} failed", config.directory(), e);
            }
        }
    }

    // ---- internals -------------------------------------------------------------------------

    private void toggleRecovery(boolean pause, Actor actor) {
        requireWritable();
        actions.toggleRecovery(pause, actor);
    }

    private void requireWritable() {
        if (store.readOnly()) {
            throw new StoreReadOnlyException(config.directory());
        }
    }
}
