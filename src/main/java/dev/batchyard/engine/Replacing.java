package dev.batchyard.engine;

import dev.batchyard.codec.EntriesCodec;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.LogStore;
import java.time.Clock;

/**
 * What every replacement of stored batches works with ({@link Repairs}: split, merge; {@link Edits}): the store,
 * the batches' lifecycle, the hold against the recovery loop, the entries' codec, the limits, the audit trail,
 * the event bus and the clock.
 */
record Replacing(LogStore store, BatchLifecycle lifecycle, HeldBatches held, EntriesCodec codec,
                 PersistenceConfig config, AuditTrail audit, EventBus events, Clock clock) {

    static Replacing of(LogStore store, BatchLifecycle lifecycle, InFlight inFlight, EntriesCodec codec,
                        PersistenceConfig config, AuditTrail audit, EventBus events, Clock clock) {
        return new Replacing(store, lifecycle, new HeldBatches(store, lifecycle, inFlight, clock), codec, config, audit,
                events, clock);
    }
}
