package dev.batchyard.app.common;

import dev.batchyard.console.ActionPreview;
import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.console.Console;
import dev.batchyard.console.PageRequest;
import dev.batchyard.console.SinkView;
import dev.batchyard.console.StoreInfo;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.MergeRequest;
import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.SplitRequest;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.ReplayControl;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.engine.ReplayStatus;
import dev.batchyard.engine.StoreCapacity;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.Transfer;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.search.SearchListener;
import dev.batchyard.search.SearchRequest;
import dev.batchyard.search.SearchSummary;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A console that asks, at every call, which console is current and passes the call on: the window's
 * features keep one console for the window's life while the engine behind it is closed and opened
 * again (a training scenario's crash). Each call goes to one console, whole; an event subscription
 * stays with the console that made it (see {@link StoreSession#onReopened}). Thread-safe when the
 * supplier is.
 */
final class FollowingConsole implements Console {
    private final Supplier<Console> current;

    FollowingConsole(Supplier<Console> current) {
        this.current = Objects.requireNonNull(current, "current");
    }

    private Console now() {
        return Objects.requireNonNull(current.get(), "no console is open");
    }

    @Override
    public StoreInfo info() {
        return now().info();
    }

    @Override
    public BatchPage batches(BatchQuery query, BatchOrder order, PageRequest page) {
        return now().batches(query, order, page);
    }

    @Override
    public List<BatchView> find(Collection<String> ids) {
        return now().find(ids);
    }

    @Override
    public Optional<BatchView> find(String id) {
        return now().find(id);
    }

    @Override
    public Optional<Batch> batch(String id) {
        return now().batch(id);
    }

    @Override
    public SearchSummary search(SearchRequest request, SearchListener listener) {
        return now().search(request, listener);
    }

    @Override
    public StoreStats stats() {
        return now().stats();
    }

    @Override
    public StoreCapacity capacity() {
        return now().capacity();
    }

    @Override
    public List<SinkView> sinks() {
        return now().sinks();
    }

    @Override
    public BatchView persist(NewBatch batch) {
        return now().persist(batch);
    }

    @Override
    public CompletableFuture<BatchView> persistAsync(NewBatch batch) {
        return now().persistAsync(batch);
    }

    @Override
    public List<ActionResult> retryNow(Collection<String> ids) {
        return now().retryNow(ids);
    }

    @Override
    public List<ActionResult> discard(Collection<String> ids, String reason) {
        return now().discard(ids, reason);
    }

    @Override
    public List<ActionResult> restore(Collection<String> ids) {
        return now().restore(ids);
    }

    @Override
    public List<DiscardedBatch> recentlyDiscarded() {
        return now().recentlyDiscarded();
    }

    @Override
    public List<ActionResult> reroute(Collection<String> ids, String sink) {
        return now().reroute(ids, sink);
    }

    @Override
    public List<ActionResult> requeue(Collection<String> ids, String sink) {
        return now().requeue(ids, sink);
    }

    @Override
    public RepairResult split(SplitRequest request) {
        return now().split(request);
    }

    @Override
    public RepairResult merge(MergeRequest request) {
        return now().merge(request);
    }

    @Override
    public EditResult edit(EditRequest request) {
        return now().edit(request);
    }

    @Override
    public ActionPreview preview(Collection<String> ids) {
        return now().preview(ids);
    }

    @Override
    public ActionPreview preview(BatchQuery query) {
        return now().preview(query);
    }

    @Override
    public boolean recordTransfer(Transfer transfer) {
        return now().recordTransfer(transfer);
    }

    @Override
    public ReplayStatus startReplay(ReplayRequest request) {
        return now().startReplay(request);
    }

    @Override
    public Optional<ReplayStatus> replay() {
        return now().replay();
    }

    @Override
    public ReplayStatus controlReplay(ReplayControl control) {
        return now().controlReplay(control);
    }

    @Override
    public void setRecoveryPaused(boolean paused) {
        now().setRecoveryPaused(paused);
    }

    @Override
    public CleanupReport runCleanupNow() {
        return now().runCleanupNow();
    }

    @Override
    public EventSubscription subscribe(int capacity) {
        return now().subscribe(capacity);
    }

    @Override
    public AuditPage audit(AuditQuery query, PageRequest page) {
        return now().audit(query, page);
    }

    @Override
    public List<BatchEvent.CorruptionFound> damage() {
        return now().damage();
    }

    @Override
    public Stream<BatchView> each(BatchQuery query, BatchOrder order, int pageSize) {
        return now().each(query, order, pageSize);
    }

    /** Closes the console current now; whoever replaces consoles closes the ones it replaced. */
    @Override
    public void close() {
        now().close();
    }
}
