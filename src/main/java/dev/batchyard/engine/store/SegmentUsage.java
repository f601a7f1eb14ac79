package dev.batchyard.engine.store;

/**
 * One segment file as compaction weighs it: its size on disk, the bytes of live batch records in
 * it, and whether the writer is appending to it (the active segment is never compacted).
 */
public record SegmentUsage(long segmentId, long bytes, long liveBytes, boolean active) {
}
