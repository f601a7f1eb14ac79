package dev.batchyard.engine;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.Compaction;
import dev.batchyard.engine.store.LogStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background upkeep of the log: compacts old segments while it is worth it, and writes a
 * checkpoint after a large amount of new log so a restart replays little.
 */
final class StoreMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);
    private static final int MAX_STEPS_PER_PASS = 16;

    private final LogStore store;
    private final EventBus events;
    private final Clock clock;
    private int compactionsSinceCheckpoint;

    StoreMaintenance(LogStore store, EventBus events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    synchronized void pass() {
        if (!store.healthy()) {
            return;
        }
        try {
            int segments = 0;
            long reclaimed = 0;
            int moved = 0;
            for (int i = 0; i < MAX_STEPS_PER_PASS; i++) {
                Optional<Compaction.Result> step = store.compactOldest();
                if (step.isEmpty()) {
                    break;
                }
                segments++;
                reclaimed += step.get().bytesReclaimed();
                moved += step.get().batchesMoved();
            }
            if (segments > 0) {
                compactionsSinceCheckpoint += segments;
                events.publish(new BatchEvent.Compacted(clock.instant(), segments, reclaimed, moved));
            }
            if (compactionsSinceCheckpoint > 0 || store.segmentsSinceCheckpoint() >= 2) {
                store.checkpoint();
                compactionsSinceCheckpoint = 0;
            }
        } catch (RuntimeException e) {
            LOG.error("store maintenance of {} failed; retrying on the next pass", store.directory(), e);
        }
    }
}
