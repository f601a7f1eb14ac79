package dev.batchyard.engine.store;

import java.time.OffsetDateTime;
import java.util.Map;

/** What the in-memory index holds for one batch: everything but its entries, and where they are. */
public record StoredBatch(String id, OffsetDateTime createdAt, Map<String, String> context, int entryCount,
                          BatchMeta meta, Location location) {

    StoredBatch withMeta(BatchMeta newMeta) {
        return new StoredBatch(id, createdAt, context, entryCount, newMeta, location);
    }

    StoredBatch at(Location newLocation) {
        return new StoredBatch(id, createdAt, context, entryCount, meta, newLocation);
    }

    static StoredBatch of(StoreRecord.Put put, Location location) {
        return new StoredBatch(put.id(), put.createdAt(), put.context(), put.entryCount(), put.meta(), location);
    }

    StoreRecord.Put toPut(byte[] entries) {
        return new StoreRecord.Put(id, createdAt, context, entryCount, meta, entries);
    }
}
