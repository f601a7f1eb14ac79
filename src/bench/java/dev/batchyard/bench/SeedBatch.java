package dev.batchyard.bench;

import dev.batchyard.model.LogEntry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The Go agent's {@code PersistedBatch}, which its {@code BatchPersistence} keeps in memory and
 * rewrites whole to {@code batch_<id>.json} on every change. Immutable.
 */
record SeedBatch(String id, List<LogEntry> entries, String sinkType, OffsetDateTime createdAt,
                 OffsetDateTime lastAttempt, int retryCount, String failureReason, Map<String, String> context) {

    SeedBatch failed(OffsetDateTime at, String reason) {
        return new SeedBatch(id, entries, sinkType, createdAt, at, retryCount + 1, reason, context);
    }
}
