package dev.batchyard.engine.store;

/**
 * What {@link LogStore#put} refuses beyond: a store of {@code maxBatches} batches or
 * {@code maxPendingBytes} bytes of them is full (back-pressure), and a batch whose record is over
 * {@code maxBatchBytes} is too large (it must be split). Bytes are those of the batches' records
 * in the log (frame, metadata and encoded entries): what {@link LogStore#liveBytes} adds up.
 */
public record StoreLimits(int maxBatches, long maxBatchBytes, long maxPendingBytes) {

    /** The largest record the log can hold and read back: no batch over it is ever written. */
    public static final int MAX_RECORD_BYTES = Frame.HEADER + Frame.MAX_PAYLOAD;

    public StoreLimits {
        if (maxBatches < 1 || maxBatchBytes < 1 || maxBatchBytes > MAX_RECORD_BYTES || maxPendingBytes < 1) {
            throw new IllegalArgumentException("impossible store limits: " + maxBatches + " batches, "
                    + maxBatchBytes + " bytes per batch, " + maxPendingBytes + " bytes in all");
        }
    }

    /** At most {@code maxBatches}, and only the log's own limit on a record's size. */
    public static StoreLimits ofBatches(int maxBatches) {
        return new StoreLimits(maxBatches, MAX_RECORD_BYTES, Long.MAX_VALUE);
    }
}
