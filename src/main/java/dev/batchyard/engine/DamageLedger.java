package dev.batchyard.engine;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.CorruptionListener;
import dev.batchyard.engine.store.StoreDamage;
import dev.batchyard.engine.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store's damage reports go, for as long as the engine is open. Each one is logged, kept
 * (so whoever looks after the open, a window subscribing late or a CLI command, still learns what
 * the open found), published as a {@link BatchEvent.CorruptionFound}, and written to the audit
 * trail of a writable store. Damage found while the store opens is held until the engine is
 * {@link #opened}, then recorded and published in the order found.
 *
 * <p>At most {@value #KEPT} reports are kept (a store damaged everywhere could report one per
 * batch); later ones are still logged, published and audited, and {@link #omitted()} counts them.
 * Thread-safe.
 */
final class DamageLedger implements CorruptionListener {
    private static final Logger LOG = LoggerFactory.getLogger(DamageLedger.class);
    static final int KEPT = 10_000;

    private final Clock clock;
    private final EventBus events;
    private final List<BatchEvent.CorruptionFound> kept = new ArrayList<>();
    private long omitted;
    private int foundAtOpen = -1;
    private AuditTrail audit;

    DamageLedger(Clock clock, EventBus events) {
        this.clock = clock;
        this.events = events;
    }

    @Override
    public synchronized void found(StoreDamage damage) {
        BatchEvent.CorruptionFound event = new BatchEvent.CorruptionFound(clock.instant(), damage.kind(),
                damage.file().toString(), damage.offset(), damage.detail(), damage.action(), damage.batchIds());
        LOG.warn("store damage in {} at offset {}: {} ({})", event.file(), event.offset(), event.detail(), event.action());
        if (kept.size() < KEPT) {
            kept.add(event);
        } else {
            omitted++;
        }
        if (foundAtOpen >= 0) {
            record(event);
        }
    }

    /** The engine is up: what the open found is recorded and published, and so is all that follows. */
    synchronized void opened(AuditTrail trail) {
        this.audit = trail;
        this.foundAtOpen = kept.size();
        kept.forEach(this::record);
    }

    /** Everything found since the store opened (the first {@value #KEPT}). */
    synchronized List<BatchEvent.CorruptionFound> all() {
        return List.copyOf(kept);
    }

    /** What the open itself found. */
    synchronized List<BatchEvent.CorruptionFound> atOpen() {
        return List.copyOf(kept.subList(0, foundAtOpen < 0 ? kept.size() : foundAtOpen));
    }

    /** Reports found but not kept, beyond the first {@value #KEPT}. */
    synchronized long omitted() {
        return omitted;
    }

    private void record(BatchEvent.CorruptionFound event) {
        if (audit != null) {
            try {
                audit.damage(event);
            } catch (StoreException e) {
                // the damage is still logged, kept and published; the audit trail's own failure is said here
                LOG.error("cannot write damage found in {} to the audit trail: {}", event.file(), e.getMessage());
            }
        }
        events.publish(event);
    }
}
