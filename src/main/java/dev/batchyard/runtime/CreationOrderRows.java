package dev.batchyard.runtime;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchRow;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The store's first rows in creation order, newest first and oldest first, kept between reads: a
 * first page of every batch in that order (what a table sorted by creation shows, and reads again at
 * each round of events) costs a few hundred lookups instead of a pass over every batch (about 56 ms
 * at a million). For each direction it keeps at most {@value #KEPT} sort keys, exactly those of the
 * live batches up to a bound in that order (all of them while there are fewer): no other index of
 * the store, a fixed size whatever the store holds. The rows of a page are looked up again by id, so
 * they are as current as a pass's.
 *
 * <p>Kept current from the engine's events, drained at each read: each batch an event names is looked
 * up again (persisted, gone, restored, replaced...). Its mailbox is subscribed when the store opens,
 * before any console's, and the bus offers each event to its mailboxes in the order they subscribed,
 * so a caller that learned of a change from a console's subscription finds it here at its next read.
 * A lost event (a full mailbox), damage, a count that disagrees with the store's, a direction left
 * with fewer rows than a page, or {@value #REFILL_AFTER_SECONDS} s since it was filled (a change that
 * told no event) make the next read fill that direction again in one pass. Thread-safe.
 */
final class CreationOrderRows implements AutoCloseable {
    /** Sort keys kept per direction: a window's first page is a screen of rows and a margin (~230). */
    static final int KEPT = 1024;
    /** Events held between reads; more are counted as lost, and the next read fills again. */
    static final int MAILBOX = 4096;
    static final int REFILL_AFTER_SECONDS = 60;

    private final BatchPersistence engine;
    private final EventSubscription events;
    private final Clock clock;
    private final int kept;
    private final Kept newest = new Kept(new BatchOrder(BatchOrder.Field.CREATED, BatchOrder.Direction.DESCENDING));
    private final Kept oldest = new Kept(BatchOrder.OLDEST_FIRST);

    /** Subscribes to {@code engine}'s events now: make it before any console subscribes. */
    CreationOrderRows(BatchPersistence engine, Clock clock) {
        this(engine, clock, KEPT, MAILBOX);
    }

    /** @param kept sort keys kept per direction; {@code mailbox} events held between reads (tests use few) */
    CreationOrderRows(BatchPersistence engine, Clock clock, int kept, int mailbox) {
        this.engine = engine;
        this.clock = clock;
        this.kept = kept;
        this.events = engine.subscribe(mailbox);
    }

    /** Whether {@link #page} answers for this question: every batch, by creation, from the first row. */
    boolean answers(BatchQuery query, BatchOrder order, int offset, int limit) {
        return query.equals(BatchQuery.all()) && order.field() == BatchOrder.Field.CREATED && offset == 0
                && limit < kept;
    }

    /**
     * The first {@code limit} rows of every live batch in {@code order} (by creation), how many there
     * are, and whether more follow.
     */
    synchronized OffsetPage.Result<BatchRow> page(BatchOrder order, int limit) {
        if (!answers(BatchQuery.all(), order, 0, limit)) {
            throw new IllegalArgumentException("kept rows answer first pages of everything by creation, not " + order
                    + " limit " + limit);
        }
        drain();
        Kept first = order.direction() == BatchOrder.Direction.DESCENDING ? newest : oldest;
        int total = engine.size();
        if (first.stale(total, limit)) {
            first.fill();
        }
        List<BatchRow> rows = new ArrayList<>(Math.min(limit, first.keys.size()));
        for (SortKey key : first.keys) {
            if (rows.size() == limit) {
                break;
            }
            engine.row(key.id()).ifPresent(rows::add); // gone since its event was drained: its own event follows
        }
        return new OffsetPage.Result<>(rows, total, total > rows.size());
    }

    private void drain() {
        for (BatchEvent event : events.drain()) {
            if (event instanceof BatchEvent.Missed || event instanceof BatchEvent.RecoveredAtStartup
                    || event instanceof BatchEvent.CorruptionFound) {
                newest.drop();
                oldest.drop();
            } else if (event instanceof BatchEvent.Replaced e) {
                touch(e.id());
                e.into().forEach(this::touch);
            } else if (event instanceof BatchEvent.Edited e) {
                touch(e.id());
                if (e.keptAs() != null) {
                    touch(e.keptAs());
                }
            } else if (event instanceof BatchEvent.OfBatch one) {
                touch(one.id());
            }
        }
    }

    private void touch(String id) {
        if (newest.filled == null && oldest.filled == null) {
            return;
        }
        Optional<BatchRow> row = engine.row(id);
        newest.touch(id, row);
        oldest.touch(id, row);
    }

    @Override
    public void close() {
        events.close();
    }

    /** One direction: the sort keys of the live batches up to {@code bound}, in order. */
    private final class Kept {
        private final BatchRowOrder order;
        private final TreeSet<SortKey> keys;
        private final Map<String, SortKey> byId = new HashMap<>();
        /** The last key kept when batches lie beyond it; null when every live batch is kept. */
        private SortKey bound;
        /** When it was filled; null when it must be filled before it answers. */
        private Instant filled;

        Kept(BatchOrder order) {
            this.order = new BatchRowOrder(order);
            this.keys = new TreeSet<>(this.order.keys());
        }

        boolean stale(int total, int limit) {
            return filled == null
                    || (bound == null ? keys.size() != total : keys.size() <= limit)
                    || Duration.between(filled, clock.instant()).getSeconds() >= REFILL_AFTER_SECONDS;
        }

        void drop() {
            filled = null;
            keys.clear();
            byId.clear();
            bound = null;
        }

        void fill() {
            drop();
            PageSelection<BatchRow> pass = new PageSelection<>(order, null, kept);
            engine.rows(BatchQuery.all()).forEach(pass::offer);
            for (BatchRow row : pass.rows()) {
                SortKey key = order.key(row);
                keys.add(key);
                byId.put(row.id(), key);
            }
            bound = pass.hasMore() && !keys.isEmpty() ? keys.last() : null;
            filled = clock.instant();
        }

        /** Batch {@code id} is now {@code row} (empty: gone): kept if it falls within the bound. */
        void touch(String id, Optional<BatchRow> row) {
            if (filled == null) {
                return;
            }
            SortKey was = byId.remove(id);
            if (was != null) {
                keys.remove(was);
            }
            if (row.isEmpty() || (bound != null && order.compare(row.get(), bound) > 0)) {
                return;
            }
            SortKey key = order.key(row.get());
            keys.add(key);
            byId.put(id, key);
            if (keys.size() > kept) { // the last one leaves, and the bound moves up to the new last
                byId.remove(keys.pollLast().id());
                bound = keys.last();
            }
        }
    }
}
