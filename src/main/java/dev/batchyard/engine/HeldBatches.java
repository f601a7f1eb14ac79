package dev.batchyard.engine;

import dev.batchyard.engine.store.BatchChangedException;
import dev.batchyard.engine.store.LogStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every replacement of stored batches (a split, a merge, an edit, the restore of an edited
 * batch's earlier version) needs: its batches held against the recovery loop while it is worked out
 * and written, so none is sent half-way, and free ids for the batches it makes. Thread-safe.
 */
final class HeldBatches {
    private final LogStore store;
    private final BatchLifecycle lifecycle;
    private final InFlight inFlight;
    private final Clock clock;

    HeldBatches(LogStore store, BatchLifecycle lifecycle, InFlight inFlight, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.inFlight = inFlight;
        this.clock = clock;
    }

    /** Runs {@code work} with the live batches {@code ids} claimed against the recovery loop; refuses one in flight. */
    <T> T claimed(List<String> ids, Supplier<T> work) {
        Map<String, Long> held = new LinkedHashMap<>();
        try {
            for (String id : ids) {
                lifecycle.requireLive(id);
                inFlight.awaitSettled(id);
                Optional<Long> hold = inFlight.hold(id, clock.instant());
                if (hold.isEmpty()) {
                    throw new BatchChangedException(id, "being delivered: try again when the attempt has ended");
                }
                held.put(id, hold.get());
            }
            return work.get();
        } finally {
            held.forEach(inFlight::release);
        }
    }

    /** {@code wanted}, or with {@code -2}, {@code -3}... when a stored batch or an earlier new one has it. */
    String freeId(String wanted, Set<String> taken) {
        String base = wanted.length() > BatchIds.MAX_LENGTH - 8 ? wanted.substring(0, BatchIds.MAX_LENGTH - 8) : wanted;
        String id = base;
        for (int k = 2; store.get(id).isPresent() || taken.contains(id); k++) {
            id = base + "-" + k;
        }
        taken.add(id);
        return BatchIds.require(id);
    }
}
