package dev.batchyard.engine.store;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a statistics query asks of the store beyond its counts per state, kept as batches come and go
 * so that it needs no pass over a million batches: the live batches per sink, their entries, and the
 * oldest creation time. The oldest is known until a batch as old as it leaves; the next query then
 * finds it in one pass and keeps it again (a store whose sink is down, the one that grows, keeps it
 * known). Discarded batches are not counted, as the statistics leave them out.
 *
 * <p>Updated only by the index's single writer; read by anyone without a lock. A reader's pass keeps
 * its answer only if nothing changed while it ran (the writer replaces the oldest's holder on every
 * change that could move it, and the reader installs by compare-and-set), so a kept value is never
 * one that a concurrent change made wrong.
 */
final class LiveTally {
    /** A new object on every change: readers compare identities. {@code batch} null: none is live. */
    private record Oldest(boolean known, StoredBatch batch) {
    }

    private final ConcurrentHashMap<String, AtomicInteger> bySink = new ConcurrentHashMap<>();
    private final AtomicLong entries = new AtomicLong();
    private final AtomicReference<Oldest> oldest = new AtomicReference<>(new Oldest(true, null));

    void added(StoredBatch b) {
        if (b.meta().discarded()) {
            return;
        }
        shift(b, 1);
        Oldest o = oldest.get();
        if (o.known() && o.batch() != null && !createdBefore(b, o.batch())) {
            return; // a new batch, newer than the oldest: the common case changes nothing
        }
        oldest.set(o.known() ? new Oldest(true, b) : new Oldest(false, null));
    }

    void removed(StoredBatch b) {
        if (b.meta().discarded()) {
            return;
        }
        shift(b, -1);
        Oldest o = oldest.get();
        if (o.known() && o.batch() != null && createdBefore(o.batch(), b)) {
            return;
        }
        oldest.set(new Oldest(false, null)); // the oldest (or one as old) left: the next query looks again
    }

    /** The same batch changed in place (state, sink, entries): its creation time, if kept, moves nothing. */
    void replaced(StoredBatch before, StoredBatch after) {
        if (!before.meta().discarded() && !after.meta().discarded() && !createdBefore(before, after)
                && !createdBefore(after, before)) {
            shift(before, -1);
            shift(after, 1);
            return;
        }
        removed(before);
        added(after);
    }

    /** Live batches per sink, sinks without any left out. */
    Map<String, Integer> bySink() {
        Map<String, Integer> out = new HashMap<>();
        bySink.forEach((sink, count) -> {
            int n = count.getAcquire();
            if (n > 0) {
                out.put(sink, n);
            }
        });
        return out;
    }

    long entries() {
        return entries.getAcquire();
    }

    /** The oldest live creation time, or null when nothing is live; a pass over {@code batches} when not known. */
    OffsetDateTime oldest(Iterable<StoredBatch> batches) {
        Oldest o = oldest.get();
        if (!o.known()) {
            StoredBatch found = null;
            for (StoredBatch b : batches) {
                if (!b.meta().discarded() && (found == null || createdBefore(b, found))) {
                    found = b;
                }
            }
            Oldest seen = new Oldest(true, found);
            oldest.compareAndSet(o, seen); // kept only if nothing changed meanwhile
            o = seen;
        }
        return o.batch() == null ? null : o.batch().createdAt();
    }

    /** Compared as instants (seconds, then nanoseconds), without making a date object per batch. */
    private static boolean createdBefore(StoredBatch a, StoredBatch b) {
        return a.createdSecond() != b.createdSecond() ? a.createdSecond() < b.createdSecond()
                : a.createdNano() < b.createdNano();
    }

    private void shift(StoredBatch b, int delta) {
        AtomicInteger count = bySink.get(b.meta().sink());
        if (count == null) {
            count = bySink.computeIfAbsent(b.meta().sink(), k -> new AtomicInteger());
        }
        count.setRelease(count.getPlain() + delta); // single writer: no lost update
        entries.setRelease(entries.getPlain() + (long) delta * b.entryCount());
    }
}
