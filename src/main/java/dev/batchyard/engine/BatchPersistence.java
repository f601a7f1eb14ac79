package dev.batchyard.engine;

import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.LogEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The embedded store of pending log batches: the Java counterpart of the Go agent's
 * {@code BatchPersistence}, made durable. Every method that changes state returns only once the
 * change is fsync'd. Thread-safe.
 *
 * <p>API under construction: the store implementation lands with issue 2.
 */
public final class BatchPersistence implements AutoCloseable {

    private BatchPersistence() {
    }

    /** Opens (creating if needed) the store in {@code config.directory()}, locking it. */
    public static BatchPersistence open(PersistenceConfig config, Delivery delivery, Clock clock) {
        return open(config, delivery, clock, new EventBus(clock));
    }

    /** As {@link #open(PersistenceConfig, Delivery, Clock)}, publishing on a bus shared with the sink layer. */
    public static BatchPersistence open(PersistenceConfig config, Delivery delivery, Clock clock, EventBus events) {
        throw new UnsupportedOperationException("store not implemented yet");
    }

    public BatchView persistBatch(String id, List<LogEntry> entries, String sink) {
        return persistBatch(NewBatch.of(id, entries, sink));
    }

    public BatchView persistBatch(NewBatch batch) {
        throw new UnsupportedOperationException();
    }

    public void markBatchSuccess(String id) {
        throw new UnsupportedOperationException();
    }

    public BatchView markBatchFailed(String id, String reason) {
        throw new UnsupportedOperationException();
    }

    public List<BatchView> pendingBatches() {
        return query(BatchQuery.all());
    }

    public List<BatchView> query(BatchQuery query) {
        throw new UnsupportedOperationException();
    }

    public Optional<BatchView> find(String id) {
        throw new UnsupportedOperationException();
    }

    public Optional<Batch> batch(String id) {
        throw new UnsupportedOperationException();
    }

    public StoreStats stats() {
        throw new UnsupportedOperationException();
    }

    public boolean isHealthy() {
        throw new UnsupportedOperationException();
    }

    public List<ActionResult> retryNow(Collection<String> ids, Actor actor) {
        throw new UnsupportedOperationException();
    }

    public List<ActionResult> discard(Collection<String> ids, String reason, Actor actor) {
        throw new UnsupportedOperationException();
    }

    public List<ActionResult> reroute(Collection<String> ids, String sink, Actor actor) {
        throw new UnsupportedOperationException();
    }

    public CleanupReport runCleanupNow() {
        throw new UnsupportedOperationException();
    }

    public void pauseRecovery(Actor actor) {
        throw new UnsupportedOperationException();
    }

    public void resumeRecovery(Actor actor) {
        throw new UnsupportedOperationException();
    }

    public boolean isRecoveryPaused() {
        throw new UnsupportedOperationException();
    }

    /** A new bounded mailbox of events; close it to unsubscribe. */
    public EventSubscription subscribe(int capacity) {
        throw new UnsupportedOperationException();
    }

    public Path directory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
