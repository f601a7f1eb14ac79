package dev.batchyard.engine.store;

import java.util.function.LongSupplier;

/**
 * Whether and how long {@link SegmentLog}'s writer holds a group open for the callers its last
 * commit released (PostgreSQL's {@code commit_delay}, bounded by the disk's own speed).
 *
 * <p>Why: a released caller goes back to work (encodes its next batch) before it appends again,
 * and the first one back wakes the writer, which used to take that one frame at once and force it
 * while the rest of the cohort queued behind it. Sixteen producers then alternated between two
 * groups of about eight, each producer waiting for two forces per batch. One group of sixteen
 * costs a force plus the cohort's way back (W); two alternating groups cost two forces per cohort
 * but overlap one group's way back with the other's force. So waiting pays when the cohort comes
 * back within a force (W &lt; F), and not when the callers' CPU is the bottleneck (W &gt; F): the
 * writer waits only when the last cohort's pace, scaled to the callers just released, predicts
 * they are back within the last force time, and never longer than that.
 *
 * <p>Never for a lone caller: nothing waits unless at least {@link #MIN_RELEASED} callers were
 * released together, so a single producer's commit is never delayed. Guarded by the log's lock.
 */
final class Cohort {
    /** Fewer callers released together than this: no waiting at all. */
    static final int MIN_RELEASED = 2;
    /** The longest the writer holds a group open, whatever the last force took. */
    static final long MAX_DELAY_NANOS = 2_000_000L;

    private final LongSupplier nanoClock;
    private int released;
    private int returned;
    private long releasedAt;
    private long completedAt;
    /** How long one released caller took to come back, over the last cohort (0: not known yet). */
    private long nanosPerCaller;

    /** @param nanoClock {@link System#nanoTime} (tests pass their own) */
    Cohort(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A commit just released {@code callers}; none of them has appended again yet. */
    void released(int callers) {
        long now = nanoClock.getAsLong();
        if (released >= MIN_RELEASED) { // learn the last cohort's pace, whole or not
            long took = returned >= released ? completedAt - releasedAt : now - releasedAt;
            nanosPerCaller = took / Math.max(1, Math.min(returned, released));
        }
        released = callers;
        returned = 0;
        releasedAt = now;
    }

    /** A frame was appended; true when that completes the cohort (the writer, if it waits, should wake). */
    boolean appended() {
        if (++returned == released) {
            completedAt = nanoClock.getAsLong();
            return true;
        }
        return false;
    }

    /** Whether the writer should go on waiting: the released callers are not all back. */
    boolean incomplete() {
        return returned < released;
    }

    /** How long the writer may wait for the cohort, given the last force took {@code lastForceNanos}; 0: not at all. */
    long delayNanos(long lastForceNanos) {
        if (released < MIN_RELEASED) {
            return 0;
        }
        long bound = Math.min(lastForceNanos, MAX_DELAY_NANOS);
        return nanosPerCaller * released <= bound ? bound : 0;
    }
}
