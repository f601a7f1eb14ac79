package dev.batchyard.engine;

import dev.batchyard.model.BatchState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Counts over the whole store at one instant.
 *
 * @param byState       batches per state (every state present, zero when none)
 * @param bySink        batches per sink name
 * @param entries       entries in all stored batches
 * @param liveBytes     bytes of the records of stored batches
 * @param diskBytes     bytes of all segment files (live plus not yet compacted)
 * @param oldestCreated creation time of the oldest stored batch, {@code null} when empty
 * @param nextCleanupAt when the next scheduled cleanup pass runs; {@code null} when open read-only
 */
public record StoreStats(
        Map<BatchState, Integer> byState,
        Map<String, Integer> bySink,
        long entries,
        long liveBytes,
        long diskBytes,
        OffsetDateTime oldestCreated,
        boolean recoveryPaused,
        boolean healthy,
        Instant nextCleanupAt) {

    public StoreStats {
        byState = Map.copyOf(byState);
        bySink = Map.copyOf(bySink);
    }

    public int total() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(BatchState state) {
        return byState.getOrDefault(state, 0);
    }
}
