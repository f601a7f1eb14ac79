package dev.batchyard.runtime;

import dev.batchyard.console.Access;
import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.console.Console;
import dev.batchyard.console.PageRequest;
import dev.batchyard.console.SinkView;
import dev.batchyard.console.StoreInfo;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.AuditLog;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchRow;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.StoreCapacity;
import dev.batchyard.engine.ReplayControl;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.engine.ReplayStatus;
import dev.batchyard.engine.MergeRequest;
import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.SplitRequest;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.Transfer;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.engine.store.StoreReadOnlyException;
import dev.batchyard.model.Actor;
import dev.batchyard.search.BatchSource;
import dev.batchyard.search.EntryQuery;
import dev.batchyard.search.EntrySearch;
import dev.batchyard.search.SearchListener;
import dev.batchyard.search.SearchRequest;
import dev.batchyard.search.SearchSummary;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Console} over an engine in this process, acting as one actor. A page is picked in one
 * pass over the engine's matching batches, sorting only the page ({@link PageSelection}; a page at an
 * offset in two, {@link OffsetPage}; the first page of every batch by creation, newest or oldest first,
 * from the rows the store keeps for it, {@link CreationOrderRows}, with no pass; the
 * contract lets a future store keep sorted indexes instead); cursors are {@link BatchCursor}s and
 * {@link AuditCursor}s. It holds the subscriptions it made and closes them with
 * itself; the engine and the sinks belong to whoever opened them ({@link OpenStore}). Thread-safe.
 */
public final class EmbeddedConsole implements Console {
    private final BatchPersistence engine;
    private final SinkLayer sinks;
    private final Actor actor;
    private final Access access;
    private final AuditLog audit;
    /** The store's first rows by creation, kept between reads; null: every page is a pass. */
    private final CreationOrderRows firstRows;
    private final Set<EventSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param access what {@code engine}'s opening found: writable, or read-only and why */
    public EmbeddedConsole(BatchPersistence engine, SinkLayer sinks, Actor actor, Access access) {
        this(engine, sinks, actor, access, null);
    }

    /** As above, answering first pages of everything by creation from {@code firstRows} (the store's, shared). */
    EmbeddedConsole(BatchPersistence engine, SinkLayer sinks, Actor actor, Access access, CreationOrderRows firstRows) {
        if (access.writable() == engine.isReadOnly()) {
            throw new IllegalArgumentException("a console that says " + access + " over an engine that is "
                    + (engine.isReadOnly() ? "read-only" : "writable"));
        }
        this.engine = engine;
        this.sinks = sinks;
        this.actor = actor;
        this.access = access;
        this.audit = new AuditLog(engine.directory());
        this.firstRows = firstRows;
    }

    @Override
    public StoreInfo info() {
        requireOpen();
        return new StoreInfo(engine.directory().toAbsolutePath().normalize().toString(), access, engine.config(),
                sinks.configured());
    }

    @Override
    public BatchPage batches(BatchQuery query, BatchOrder order, PageRequest page) {
        requireOpen();
        SortKey after = page.cursor() == null ? null : BatchCursor.read(order, page.cursor());
        OffsetPage.Result<BatchRow> read;
        if (after == null && firstRows != null && firstRows.answers(query, order, page.offset(), page.limit())) {
            // what a table sorted by creation reads at every round of events: kept, not a pass over every batch
            read = firstRows.page(order, page.limit());
        } else if (page.offset() > 0) {
            // deep in the order: two passes that bracket the page, not a heap of every row before it
            read = new OffsetPage<>(new BatchRowOrder(order), after, page.offset(), page.limit())
                    .select(() -> engine.rows(query));
        } else {
            PageSelection<BatchRow> selection = new PageSelection<>(new BatchRowOrder(order), after, page.limit());
            engine.rows(query).forEach(selection::offer);
            read = new OffsetPage.Result<>(selection.rows(), selection.total(), selection.hasMore());
        }
        List<BatchView> rows = read.rows().stream().map(BatchRow::view).toList(); // views for the page only
        String next = read.hasMore() && !rows.isEmpty()
                ? BatchCursor.write(order, SortKey.of(order.field(), rows.get(rows.size() - 1))) : null;
        return new BatchPage(rows, next, read.total());
    }

    @Override
    public List<BatchView> find(Collection<String> ids) {
        requireOpen();
        return ids.stream().map(engine::find).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<Batch> batch(String id) {
        requireOpen();
        return engine.batch(id);
    }

    @Override
    public SearchSummary search(SearchRequest request, SearchListener listener) {
        requireOpen();
        EntryQuery query = request.parsed();
        BatchSource source = new BatchSource() {
            @Override
            public List<String> ids() {
                return engine.idsInStoreOrder(request.scope());
            }

            @Override
            public Optional<Batch> batch(String id) {
                return engine.batch(id);
            }
        };
        return EntrySearch.standard().run(query, source, request.limit(), listener);
    }

    @Override
    public StoreStats stats() {
        requireOpen();
        return engine.stats();
    }

    @Override
    public StoreCapacity capacity() {
        requireOpen();
        return engine.capacity();
    }

    @Override
    public List<SinkView> sinks() {
        requireOpen();
        return sinks.status();
    }

    @Override
    public BatchView persist(NewBatch batch) {
        requireWritable();
        return engine.persistBatch(batch);
    }

    @Override
    public CompletableFuture<BatchView> persistAsync(NewBatch batch) {
        requireWritable();
        return engine.persistBatchAsync(batch);
    }

    @Override
    public List<ActionResult> retryNow(Collection<String> ids) {
        requireOpen();
        return engine.retryNow(ids, actor);
    }

    @Override
    public List<ActionResult> discard(Collection<String> ids, String reason) {
        requireOpen();
        return engine.discard(ids, reason, actor);
    }

    @Override
    public List<ActionResult> restore(Collection<String> ids) {
        requireOpen();
        return engine.restore(ids, actor);
    }

    @Override
    public List<DiscardedBatch> recentlyDiscarded() {
        requireOpen();
        return engine.discarded();
    }

    @Override
    public List<ActionResult> reroute(Collection<String> ids, String sink) {
        requireOpen();
        return engine.reroute(ids, sink, actor);
    }

    @Override
    public List<ActionResult> requeue(Collection<String> ids, String sink) {
        requireOpen();
        return engine.requeue(ids, sink, actor);
    }

    @Override
    public RepairResult split(SplitRequest request) {
        requireOpen();
        return engine.split(request, actor);
    }

    @Override
    public RepairResult merge(MergeRequest request) {
        requireOpen();
        return engine.merge(request, actor);
    }

    @Override
    public EditResult edit(EditRequest request) {
        requireOpen();
        return engine.edit(request, actor);
    }

    @Override
    public ReplayStatus startReplay(ReplayRequest request) {
        requireOpen();
        return engine.startReplay(request, actor);
    }

    @Override
    public Optional<ReplayStatus> replay() {
        requireOpen();
        return engine.replay();
    }

    @Override
    public ReplayStatus controlReplay(ReplayControl control) {
        requireOpen();
        return engine.controlReplay(control, actor);
    }

    @Override
    public boolean recordTransfer(Transfer transfer) {
        requireOpen();
        return engine.recordTransfer(transfer, actor);
    }

    @Override
    public void setRecoveryPaused(boolean paused) {
        requireOpen();
        if (paused) {
            engine.pauseRecovery(actor);
        } else {
            engine.resumeRecovery(actor);
        }
    }

    @Override
    public CleanupReport runCleanupNow() {
        requireOpen();
        return engine.runCleanupNow(actor);
    }

    @Override
    public EventSubscription subscribe(int capacity) {
        requireOpen();
        subscriptions.removeIf(EventSubscription::isClosed);
        EventSubscription subscription = engine.subscribe(capacity);
        subscriptions.add(subscription);
        if (closed) { // closed meanwhile: close() may have missed it
            subscription.close();
            throw closedError();
        }
        return subscription;
    }

    @Override
    public AuditPage audit(AuditQuery query, PageRequest page) {
        requireOpen();
        AuditLog.Page read = audit.read(AuditCursor.read(page.cursor()), page.limit(), query.matcher());
        return new AuditPage(read.records(), AuditCursor.write(read.next()), read.atEnd());
    }

    @Override
    public List<BatchEvent.CorruptionFound> damage() {
        requireOpen();
        return engine.damage();
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.forEach(EventSubscription::close);
        subscriptions.clear();
    }

    private void requireWritable() {
        requireOpen();
        if (!access.writable()) {
            throw new StoreReadOnlyException(engine.directory());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw closedError();
        }
    }

    private IllegalStateException closedError() {
        return new IllegalStateException("the console of " + actor.name() + " on " + engine.directory() + " is closed");
    }
}
