package dev.batchyard.bench;

import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.store.BatchMeta;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.RemovalCause;
import dev.batchyard.engine.store.StoreObserver;
import dev.batchyard.engine.store.StoreRecord;
import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.util.List;

/**
 * The store's write path alone: {@link LogStore#put} of a pre-encoded record, which returns once it
 * is durable. No codec, no engine, no events; the comparison with {@link RawAppendDesign}
 * is the cost of framing, checksums, the index and the store's own group commit.
 */
final class LogStoreDesign implements Design {
    private static final BatchMeta META = new BatchMeta(SamplePool.SINK, BatchState.PENDING, 0, null, "", null, List.of());

    private final LogStore store;

    LogStoreDesign(Path directory) {
        this(directory, StoreObserver.NONE);
    }

    LogStoreDesign(Path directory, StoreObserver observer) {
        store = LogStore.open(directory, false, EngineOptions.DEFAULT_SEGMENT_BYTES, damage -> {
            throw new IllegalStateException("damage in a fresh bench store " + damage.file() + " at " + damage.offset()
                    + ": " + damage.detail());
        }, observer);
    }

    static Design.Factory factory() {
        return new Design.Factory() {
            @Override
            public String name() {
                return "logstore-write-path";
            }

            @Override
            public Design open(Path dir) {
                return new LogStoreDesign(dir);
            }
        };
    }

    static StoreRecord.Put record(String id, Sample batch) {
        return new StoreRecord.Put(id, SamplePool.CREATED, SamplePool.CONTEXT, batch.entries().size(), META, batch.smile());
    }

    LogStore store() {
        return store;
    }

    @Override
    public void persist(String id, Sample batch) {
        store.put(record(id, batch), Integer.MAX_VALUE);
    }

    @Override
    public void succeed(String id) {
        store.remove(id, RemovalCause.DELIVERED, "delivered");
    }

    @Override
    public void fail(String id, String reason) {
        store.update(id, m -> m.withFailure(m.retryCount() + 1, SamplePool.CREATED, reason,
                BatchState.RETRY_WAIT, null));
    }

    @Override
    public void close() {
        store.close();
    }
}
