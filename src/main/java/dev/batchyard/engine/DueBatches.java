package dev.batchyard.engine;

import dev.batchyard.engine.store.StoredBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The batches one recovery pass may send, oldest due first, chosen in one scan of the index
 * without sorting the whole backlog: each sink keeps only its {@code room} most overdue batches
 * (a bounded heap), so a pass over 100,000 pending batches costs one cheap look at each.
 * Sinks are kept apart so a sink that is held cannot starve the others.
 */
final class DueBatches {
    private static final Comparator<StoredBatch> MOST_OVERDUE_LAST = Comparator.comparingLong(DueBatches::dueKey).reversed();

    private final Map<String, PriorityQueue<StoredBatch>> bySink = new HashMap<>();
    private final Map<String, Integer> dueCount = new HashMap<>();
    private int total;

    /** Scans {@code batches} for those due at {@code now} and not excluded. */
    static DueBatches scan(Collection<StoredBatch> batches, Instant now, Predicate<String> excluded, int room) {
        DueBatches due = new DueBatches();
        long nowKey = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        for (StoredBatch b : batches) {
            if (isDue(b, nowKey) && !excluded.test(b.id())) {
                due.add(b, room);
            }
        }
        return due;
    }

    private static boolean isDue(StoredBatch b, long nowKey) {
        return switch (b.meta().state()) {
            case PENDING -> true;
            case RETRY_WAIT -> dueKey(b) <= nowKey;
            default -> false;
        };
    }

    /** When the batch became due, in epoch nanoseconds: its next attempt, or its creation. */
    static long dueKey(StoredBatch b) {
        Instant next = b.meta().nextAttemptAt();
        return next != null ? next.getEpochSecond() * 1_000_000_000L + next.getNano() : b.createdEpochNanos();
    }

    private void add(StoredBatch b, int room) {
        total++;
        dueCount.merge(b.meta().sink(), 1, Integer::sum);
        if (room <= 0) {
            return;
        }
        PriorityQueue<StoredBatch> heap = bySink.computeIfAbsent(b.meta().sink(), s -> new PriorityQueue<>(MOST_OVERDUE_LAST));
        heap.add(b);
        if (heap.size() > room) {
            heap.poll(); // drop the least overdue
        }
    }

    int total() {
        return total;
    }

    int dueFor(String sink) {
        return dueCount.getOrDefault(sink, 0);
    }

    /** The kept candidates of every sink, most overdue first across sinks. */
    List<StoredBatch> candidates() {
        List<StoredBatch> out = new ArrayList<>();
        bySink.values().forEach(out::addAll);
        out.sort(Comparator.comparingLong(DueBatches::dueKey));
        return out;
    }
}
