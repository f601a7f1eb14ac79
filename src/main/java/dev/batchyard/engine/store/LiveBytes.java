package dev.batchyard.engine.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes of live batch records per segment: what compaction weighs against a segment's size.
 * Not thread-safe: {@link LogStore} guards it with its own lock.
 */
final class LiveBytes {
    private final Map<Long, Long> bySegment = new HashMap<>();
    private long total; // kept as it changes: every put weighs it against max_pending_bytes

    void add(Location at) {
        bySegment.merge(at.segmentId(), (long) at.length(), Long::sum);
        total += at.length();
    }

    void subtract(Location at) {
        bySegment.merge(at.segmentId(), (long) -at.length(), Long::sum);
        total -= at.length();
    }

    long in(long segmentId) {
        return bySegment.getOrDefault(segmentId, 0L);
    }

    long total() {
        return total;
    }

    void forget(long segmentId) {
        Long gone = bySegment.remove(segmentId);
        total -= gone == null ? 0 : gone;
    }

    void recount(Collection<StoredBatch> batches) {
        bySegment.clear();
        Map<Long, long[]> sums = new HashMap<>(); // one mutable sum per segment: no boxing per batch
        for (StoredBatch b : batches) {
            sums.computeIfAbsent(b.segmentId(), s -> new long[1])[0] += b.length();
        }
        sums.forEach((segment, sum) -> bySegment.put(segment, sum[0]));
        total = bySegment.values().stream().mapToLong(Long::longValue).sum();
    }
}
