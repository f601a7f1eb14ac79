package dev.batchyard.engine;

import dev.batchyard.engine.store.StoredBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The batches one recovery pass may send (or reroute), oldest due first, chosen in one scan of the
 * index without sorting the whole backlog. Each sink's admission is asked once, at its first due
 * batch, so a held sink's backlog is only counted; a sink that takes batches (send or reroute)
 * keeps only its {@code room} most overdue batches (a bounded heap). A pass over 100,000 pending
 * batches therefore costs one cheap look at each, and sinks are kept apart so a held sink cannot
 * starve the others. Used by the recovery loop's thread only.
 */
final class DueBatches {
    private static final Comparator<StoredBatch> MOST_OVERDUE_LAST = Comparator.comparingLong(DueBatches::dueKey).reversed();

    /** One sink's share of a pass. */
    private static final class SinkDue {
        final Admission admission;
        final PriorityQueue<StoredBatch> heap;
        final List<StoredBatch> notConfigured = new ArrayList<>();
        boolean answerUsed;
        boolean closedLater;
        int due;

        SinkDue(Admission admission) {
            this.admission = admission;
            this.heap = takes(admission) ? new PriorityQueue<>(MOST_OVERDUE_LAST) : null;
        }

        boolean held() {
            return heap == null || closedLater;
        }
    }

    private final Map<String, SinkDue> bySink = new HashMap<>();
    private int total;

    /**
     * Scans {@code batches} for those due at {@code now} and not excluded, asking {@code admit}
     * once per sink that has a due batch (never when there is no room: an admission may take a
     * probe lease).
     */
    static DueBatches scan(Collection<StoredBatch> batches, Instant now, Predicate<String> excluded, int room,
                           Function<String, Admission> admit) {
        DueBatches due = new DueBatches();
        long nowKey = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        for (StoredBatch b : batches) {
            if (isDue(b, nowKey) && !excluded.test(b.id())) {
                due.add(b, room, admit);
            }
        }
        return due;
    }

    private static boolean isDue(StoredBatch b, long nowKey) {
        if (b.meta().discarded()) {
            return false;
        }
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

    /** Whether {@code admission} lets the sink's batches leave it (sent, or moved elsewhere). */
    private static boolean takes(Admission admission) {
        return admission instanceof Admission.Send || admission instanceof Admission.Reroute;
    }

    private void add(StoredBatch b, int room, Function<String, Admission> admit) {
        total++;
        String sink = b.meta().sink();
        SinkDue s = bySink.get(sink);
        if (s == null) {
            s = new SinkDue(room > 0 ? admit.apply(sink) : Admission.hold());
            bySink.put(sink, s);
        }
        s.due++;
        if (s.heap != null) {
            s.heap.add(b);
            if (s.heap.size() > room) {
                s.heap.poll(); // drop the least overdue
            }
        } else if (s.admission instanceof Admission.NotConfigured && s.notConfigured.size() < room) {
            s.notConfigured.add(b);
        }
    }

    /** Due batches whose sink is not configured, to be held (at most {@code room} per sink in a pass). */
    List<StoredBatch> notConfigured() {
        List<StoredBatch> out = new ArrayList<>();
        bySink.values().forEach(s -> out.addAll(s.notConfigured));
        return out;
    }

    int total() {
        return total;
    }

    /**
     * The sinks that answered "not now" ({@link Admission.Hold}) in this pass, at the scan or later
     * (or were not asked for want of room): their batches wait for the sink layer, not for the loop.
     */
    Set<String> holding() {
        Set<String> out = new HashSet<>();
        bySink.forEach((sink, s) -> {
            if (s.admission instanceof Admission.Hold || s.closedLater) {
                out.add(sink);
            }
        });
        return out;
    }

    /** Due batches of sinks that held them (or began to) in this pass. */
    int held() {
        return bySink.values().stream().filter(SinkDue::held).mapToInt(s -> s.due).sum();
    }

    /** The candidates of every sink that takes batches, most overdue first across sinks. */
    List<StoredBatch> candidates() {
        List<StoredBatch> out = new ArrayList<>();
        bySink.values().stream().filter(s -> s.heap != null).forEach(s -> out.addAll(s.heap));
        out.sort(Comparator.comparingLong(DueBatches::dueKey));
        return out;
    }

    /**
     * What to do with {@code sink}'s next candidate: its first uses the scan's answer (asking
     * twice would waste a probe lease), the next ones ask {@code admit} again; once a sink holds,
     * it holds for the rest of the pass.
     */
    Admission next(String sink, Function<String, Admission> admit) {
        SinkDue s = bySink.get(sink);
        if (s == null || s.held()) {
            return Admission.hold();
        }
        if (!s.answerUsed) {
            s.answerUsed = true;
            return s.admission;
        }
        Admission again = admit.apply(sink);
        s.closedLater = !takes(again);
        return again;
    }
}
