package dev.batchyard.app;

import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.console.Console;
import dev.batchyard.console.PageRequest;
import dev.batchyard.console.SinkView;
import dev.batchyard.console.StoreInfo;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.StoreCapacity;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A console whose stats reads take {@code readMillis} (a store over a slow disk, a console over
 * the network), and which records how many of them were still running when it was closed.
 */
final class SlowStatsConsole implements Console {
    private final Console console;
    private final long readMillis;
    private final AtomicInteger statsInFlight = new AtomicInteger();
    /** The stats reads running when {@link #close()} was called; -1 until then. */
    volatile int statsInFlightAtClose = -1;

    SlowStatsConsole(Console console, long readMillis) {
        this.console = console;
        this.readMillis = readMillis;
    }

    @Override
    public StoreStats stats() {
        statsInFlight.incrementAndGet();
        try {
            Thread.sleep(readMillis);
            return console.stats();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            statsInFlight.decrementAndGet();
        }
    }

    /** The stats reads running now. */
    int statsInFlight() {
        return statsInFlight.get();
    }

    @Override
    public void close() {
        statsInFlightAtClose = statsInFlight.get();
        console.close();
    }

    @Override
    public StoreInfo info() {
        return console.info();
    }

    @Override
    public BatchPage batches(BatchQuery query, BatchOrder order, PageRequest page) {
        return console.batches(query, order, page);
    }

    @Override
    public List<BatchView> find(Collection<String> ids) {
        return console.find(ids);
    }

    @Override
    public Optional<Batch> batch(String id) {
        return console.batch(id);
    }

    @Override
    public dev.batchyard.search.SearchSummary search(dev.batchyard.search.SearchRequest request,
                                                     dev.batchyard.search.SearchListener listener) {
        return console.search(request, listener);
    }

    @Override
    public StoreCapacity capacity() {
        return console.capacity();
    }

    @Override
    public List<SinkView> sinks() {
        return console.sinks();
    }

    @Override
    public BatchView persist(NewBatch batch) {
        return console.persist(batch);
    }

    @Override
    public List<ActionResult> retryNow(Collection<String> ids) {
        return console.retryNow(ids);
    }

    @Override
    public List<ActionResult> discard(Collection<String> ids, String reason) {
        return console.discard(ids, reason);
    }

    @Override
    public List<ActionResult> restore(Collection<String> ids) {
        return console.restore(ids);
    }

    @Override
    public List<dev.batchyard.engine.DiscardedBatch> recentlyDiscarded() {
        return console.recentlyDiscarded();
    }

    @Override
    public List<ActionResult> reroute(Collection<String> ids, String sink) {
        return console.reroute(ids, sink);
    }

    @Override
    public List<ActionResult> requeue(Collection<String> ids, String sink) {
        return console.requeue(ids, sink);
    }

    @Override
    public dev.batchyard.engine.RepairResult split(dev.batchyard.engine.SplitRequest request) {
        return console.split(request);
    }

    @Override
    public dev.batchyard.engine.RepairResult merge(dev.batchyard.engine.MergeRequest request) {
        return console.merge(request);
    }

    @Override
    public dev.batchyard.engine.EditResult edit(dev.batchyard.engine.EditRequest request) {
        return console.edit(request);
    }

    @Override
    public dev.batchyard.engine.ReplayStatus startReplay(dev.batchyard.engine.ReplayRequest request) {
        return console.startReplay(request);
    }

    @Override
    public java.util.Optional<dev.batchyard.engine.ReplayStatus> replay() {
        return console.replay();
    }

    @Override
    public dev.batchyard.engine.ReplayStatus controlReplay(dev.batchyard.engine.ReplayControl control) {
        return console.controlReplay(control);
    }

    @Override
    public boolean recordTransfer(dev.batchyard.engine.Transfer transfer) {
        return console.recordTransfer(transfer);
    }

    @Override
    public void setRecoveryPaused(boolean paused) {
        console.setRecoveryPaused(paused);
    }

    @Override
    public CleanupReport runCleanupNow() {
        return console.runCleanupNow();
    }

    @Override
    public EventSubscription subscribe(int capacity) {
        return console.subscribe(capacity);
    }

    @Override
    public AuditPage audit(AuditQuery query, PageRequest page) {
        return console.audit(query, page);
    }

    @Override
    public List<BatchEvent.CorruptionFound> damage() {
        return console.damage();
    }
}
