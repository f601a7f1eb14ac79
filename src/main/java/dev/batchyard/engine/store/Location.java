package dev.batchyard.engine.store;

/** Where a record's frame lies: segment, byte offset of the frame, frame length. */
public record Location(long segmentId, long offset, int length) {
}
