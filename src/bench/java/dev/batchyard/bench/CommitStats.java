package dev.batchyard.bench;

import dev.batchyard.engine.store.StoreObserver;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commits seen while a probe runs: how many, how many records each carried, how long their
 * forces took. For the store ({@link StoreObserver}) and the raw limit ({@link GroupCommitLog}) alike,
 * so the two can be compared: a producer path that spends long between its wake-up and its next
 * append leaves the writer with smaller groups, or with a disk idle between forces.
 */
final class CommitStats implements StoreObserver {
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong forces = new AtomicLong();
    private final AtomicLong forceNanos = new AtomicLong();
    private volatile long since = System.nanoTime();

    @Override
    public void synced(long nanos) {
        forces.incrementAndGet();
        forceNanos.addAndGet(nanos);
    }

    @Override
    public void committed(int frameCount, long bytes, long oldestWaitNanos, long newestWaitNanos) {
        groups.incrementAndGet();
        frames.addAndGet(frameCount);
    }

    void reset() {
        groups.set(0);
        frames.set(0);
        forces.set(0);
        forceNanos.set(0);
        since = System.nanoTime();
    }

    /** Groups, records per group, mean force time, and the share of the time the disk was forcing. */
    String summary() {
        long g = groups.get();
        long elapsed = System.nanoTime() - since;
        return g == 0 ? "no group commits" : String.format("%d groups, %.1f records/group, force %.2f ms mean, disk forcing %.0f%% of the time",
                g, frames.get() / (double) g, forceNanos.get() / 1e6 / Math.max(1, forces.get()),
                100.0 * forceNanos.get() / elapsed);
    }
}
