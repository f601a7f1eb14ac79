package dev.batchyard.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How full a store is and where it is heading, at one instant: its size against its caps, how
 * fast its backlog grew of late, when it is full at that rate, when its oldest batch expires, and
 * each segment's live share (what compaction would free). Plain data, for {@code stats} and the
 * store-health view.
 *
 * <p>The growth is read from the batches still stored: those created within {@link #window()}
 * before {@link #at()}. What was delivered meanwhile is not in it, so it is the growth of what is
 * still waiting, which is what fills the store; it needs no history, so a command that has just
 * opened the store knows it as well as a window that has watched it for an hour.
 *
 * @param diskBytes         all segment files (live records and what compaction has not yet freed)
 * @param liveBytes         the records of stored batches: what {@code max_pending_bytes} caps
 * @param recentBytes       bytes of the stored batches created within {@code window}
 * @param recentBatches     how many those are
 * @param oldestCreated     the oldest stored batch's creation; {@code null} when empty
 * @param oldestExpiresAt   when {@code batch_ttl} removes it; {@code null} when empty
 * @param segments          oldest first
 */
public record StoreCapacity(Instant at, long diskBytes, long liveBytes, long maxPendingBytes, int batches,
                            int maxPendingBatches, long recentBytes, int recentBatches, Duration window,
                            OffsetDateTime oldestCreated, Instant oldestExpiresAt, List<Segment> segments) {

    /** How far back the growth is read. */
    public static final Duration GROWTH_WINDOW = Duration.ofMinutes(10);

    /** One segment file: size, live bytes, and whether it is the one being appended to. */
    public record Segment(long id, long bytes, long liveBytes, boolean active) {
        /** The share of the file that is live, from 0 to 1 (1 for an empty file). */
        public double liveRatio() {
            return bytes == 0 ? 1 : Math.min(1, (double) liveBytes / bytes);
        }

        /** What compacting it would free: a sealed segment's dead bytes; the active one is not compacted. */
        public long reclaimable() {
            return active ? 0 : Math.max(0, bytes - liveBytes);
        }
    }

    public StoreCapacity {
        segments = List.copyOf(segments);
    }

    /** What compacting every sealed segment would free. */
    public long compactionWouldFree() {
        return segments.stream().mapToLong(Segment::reclaimable).sum();
    }

    public double bytesPerSecond() {
        return recentBytes / (double) window.toSeconds();
    }

    public double batchesPerSecond() {
        return recentBatches / (double) window.toSeconds();
    }

    /**
     * How long until a cap is reached at the recent rate (whichever cap comes first); zero when one
     * is reached already; {@code null} when the backlog is not growing.
     */
    public Duration timeToFull() {
        if (liveBytes >= maxPendingBytes || batches >= maxPendingBatches) {
            return Duration.ZERO;
        }
        if (recentBatches == 0) {
            return null;
        }
        double seconds = Math.min((maxPendingBytes - liveBytes) / Math.max(bytesPerSecond(), 1e-9),
                (maxPendingBatches - batches) / batchesPerSecond());
        return Duration.ofSeconds(Math.round(Math.min(seconds, Long.MAX_VALUE / 2e9)));
    }
}
