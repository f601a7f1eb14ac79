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
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The batches one recovery pass may send, oldest due first, chosen in one scan of the index
 * without sorting the whole backlog. Each sink's gate is asked once, at its first due batch, so a
 * held sink's backlog is only counted; an open sink keeps only its {@code room} most overdue
 * batches (a bounded heap). A pass over 100,000 pending batches therefore costs one cheap look at
 * each, and sinks are kept apart so a held sink cannot starve the others.
 */
final class DueBatches {
    private static final Comparator<StoredBatch> MOST_OVERDUE_LAST = Comparator.comparingLong(DueBatches::dueKey).reversed();

    /** One sink's share of a pass. */
    private static final class SinkDue {
        final Delivery.Gate gate;
        final PriorityQueue<StoredBatch> heap;
        boolean gateAnswerUsed;
        boolean closedLater;
        int due;

        SinkDue(Delivery.Gate gate) {
            this.gate = gate;
            this.heap = gate == Delivery.Gate.OPEN ? new PriorityQueue<>(MOST_OVERDUE_LAST) : null;
        }
    }

    private final Map<String, SinkDue> bySink = new HashMap<>();
    private int total;

    /**
     * Scans {@code batches} for those due at {@code now} and not excluded, asking {@code gate}
     * once per sink that has a due batch (never when there is no room: a gate may hand out a
     * probe lease).
     */
    static DueBatches scan(Collection<StoredBatch> batches, Instant now, Predicate<String> excluded, int room,
                           Function<String, Delivery.Gate> gate) {
        DueBatches due = new DueBatches();
        long nowKey = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        for (StoredBatch b : batches) {
            if (isDue(b, nowKey) && !excluded.test(b.id())) {
                due.add(b, room, gate);
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

    private void add(StoredBatch b, int room, Function<String, Delivery.Gate> gate) {
        total++;
        String sink = b.meta().sink();
        SinkDue s = bySink.get(sink);
        if (s == null) {
            s = new SinkDue(room > 0 ? gate.apply(sink) : Delivery.Gate.HOLD);
            bySink.put(sink, s);
        }
        s.due++;
        if (s.heap != null) {
            s.heap.add(b);
            if (s.heap.size() > room) {
                s.heap.poll(); // drop the least overdue
            }
        }
    }

    int total() {
        return total;
    }

    /** Due batches of sinks whose gate did not open, or closed, in this pass. */
    int held() {
        return bySink.values().stream().filter(s -> s.gate != Delivery.Gate.OPEN || s.closedLater).mapToInt(s -> s.due).sum();
    }

    /** The candidates of every open sink, most overdue first across sinks. */
    List<StoredBatch> candidates() {
        List<StoredBatch> out = new ArrayList<>();
        bySink.values().stream().filter(s -> s.heap != null).forEach(s -> out.addAll(s.heap));
        out.sort(Comparator.comparingLong(DueBatches::dueKey));
        return out;
    }

    /**
     * Whether {@code sink} may take one more batch now: its first candidate uses the scan's answer
     * (asking twice would waste a probe lease), the next ones ask {@code gate} again.
     */
    boolean mayTake(String sink, Function<String, Delivery.Gate> gate) {
        SinkDue s = bySink.get(sink);
        if (s == null || s.gate != Delivery.Gate.OPEN || s.closedLater) {
            return false;
        }
        if (!s.gateAnswerUsed) {
            s.gateAnswerUsed = true;
            return true;
        }
        s.closedLater = gate.apply(sink) != Delivery.Gate.OPEN;
        return !s.closedLater;
    }
}
