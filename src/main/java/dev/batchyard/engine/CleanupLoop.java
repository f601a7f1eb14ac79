package dev.batchyard.engine;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.StoredBatch;
import dev.batchyard.engine.store.UnknownBatchException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes batches older than {@code batch_ttl} (the stated policy of the Go agent), one
 * {@code Expired} event each and a {@code CleanupPass} summary. A batch in flight is left for the
 * next pass, so an answer on its way is not lost. Scheduled by {@link BatchPersistence}.
 */
final class CleanupLoop {
    private final LogStore store;
    private final BatchLifecycle lifecycle;
    private final InFlight inFlight;
    private final PersistenceConfig config;
    private final EventBus events;
    private final Clock clock;

    CleanupLoop(LogStore store, BatchLifecycle lifecycle, InFlight inFlight, PersistenceConfig config, EventBus events) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.inFlight = inFlight;
        this.config = config;
        this.events = events;
        this.clock = lifecycle.clock();
    }

    synchronized CleanupReport pass() {
        Instant started = clock.instant();
        Instant cutoff = started.minus(config.batchTtl());
        List<String> expired = new ArrayList<>();
        for (StoredBatch b : List.copyOf(store.all())) {
            if (b.createdAt().toInstant().isBefore(cutoff) && !inFlight.contains(b.id())) {
                try {
                    lifecycle.expire(b.id());
                    expired.add(b.id());
                } catch (UnknownBatchException gone) {
                    // delivered or discarded meanwhile
                }
            }
        }
        Duration took = Duration.between(started, clock.instant());
        events.publish(new BatchEvent.CleanupPass(clock.instant(), expired.size(), took));
        return new CleanupReport(expired, took);
    }
}
