package dev.batchyard.engine;

import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.StoredBatch;
import dev.batchyard.model.BatchState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Counts over the whole store at one instant: kept by the index, or in one pass over it. */
final class StoreStatistics {
    private StoreStatistics() {
    }

    static StoreStats of(LogStore store, InFlight inFlight, boolean recoveryPaused, Instant nextCleanupAt) {
        // kept by the index as batches come and go: no pass over a million batches once a second per window
        return new StoreStats(countByState(store, inFlight), store.countBySink(), store.liveEntries(), store.liveBytes(),
                store.diskBytes(), store.oldestCreated(), recoveryPaused, store.healthy(), nextCleanupAt);
    }

    /** The store's size against its caps, its recent growth, its oldest batch's expiry and its segments, at {@code now}. */
    static StoreCapacity capacity(LogStore store, PersistenceConfig config, Instant now) {
        Instant since = now.minus(StoreCapacity.GROWTH_WINDOW);
        long recentBytes = 0;
        int recent = 0;
        OffsetDateTime oldest = null;
        for (StoredBatch b : store.all()) {
            if (!b.createdAt().toInstant().isBefore(since)) {
                recentBytes += b.location().length();
                recent++;
            }
            if (oldest == null || b.createdAt().isBefore(oldest)) {
                oldest = b.createdAt();
            }
        }
        List<StoreCapacity.Segment> segments = store.segments().stream()
                .map(s -> new StoreCapacity.Segment(s.segmentId(), s.bytes(), s.liveBytes(), s.active())).toList();
        return new StoreCapacity(now, segments.stream().mapToLong(StoreCapacity.Segment::bytes).sum(), store.liveBytes(),
                config.maxPendingBytes(), store.size(), config.maxPendingBatches(), recentBytes, recent,
                StoreCapacity.GROWTH_WINDOW, oldest, oldest == null ? null : oldest.toInstant().plus(config.batchTtl()),
                segments);
    }

    /**
     * Batches, bytes and the oldest creation time per sink and state, in one pass over the index
     * (a batch being sent counts as {@code IN_FLIGHT}); only non-empty rows, in no set order.
     */
    static List<SinkBacklog> backlog(LogStore store, InFlight inFlight) {
        Set<String> sending = new HashSet<>(inFlight.sendingIds());
        Map<String, Map<BatchState, SinkBacklog>> rows = new HashMap<>();
        for (StoredBatch b : store.all()) {
            if (b.meta().discarded()) {
                continue;
            }
            BatchState state = sending.contains(b.id()) ? BatchState.IN_FLIGHT : b.meta().state();
            rows.computeIfAbsent(b.meta().sink(), k -> new EnumMap<>(BatchState.class)).merge(state,
                    new SinkBacklog(b.meta().sink(), state, 1, b.location().length(), b.createdAt()),
                    (x, y) -> new SinkBacklog(x.sink(), state, x.batches() + 1, x.bytes() + y.bytes(),
                            y.oldestCreated().isBefore(x.oldestCreated()) ? y.oldestCreated() : x.oldestCreated()));
        }
        List<SinkBacklog> out = new ArrayList<>();
        rows.values().forEach(byState -> out.addAll(byState.values()));
        return out;
    }

    /**
     * Batches per state, every state present; a batch being sent counts as {@code IN_FLIGHT}. The
     * store keeps the counts per stored state; only the few batches in flight are looked up.
     */
    static Map<BatchState, Integer> countByState(LogStore store, InFlight inFlight) {
        int[] byOrdinal = new int[BatchState.values().length];
        for (BatchState s : BatchState.values()) {
            byOrdinal[s.ordinal()] = store.count(s);
        }
        for (String id : inFlight.sendingIds()) {
            store.get(id).ifPresent(b -> {
                byOrdinal[b.meta().state().ordinal()]--;
                byOrdinal[BatchState.IN_FLIGHT.ordinal()]++;
            });
        }
        Map<BatchState, Integer> counts = new EnumMap<>(BatchState.class);
        for (BatchState s : BatchState.values()) {
            counts.put(s, Math.max(0, byOrdinal[s.ordinal()])); // the counts and the ids are read a moment apart
        }
        return counts;
    }
}
