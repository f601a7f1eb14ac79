package dev.batchyard.engine.store;

/**
 * {@code persistBatch} refused a batch larger than the store takes ({@code max_batch_bytes}, or
 * the largest record the log can hold): waiting will not help, the batch must be split.
 */
public final class BatchTooLargeException extends StoreException {
    private final String id;
    private final long bytes;
    private final long limit;

    public BatchTooLargeException(String message, String id, long bytes, long limit) {
        super(message);
        this.id = id;
        this.bytes = bytes;
        this.limit = limit;
    }

    public String id() {
        return id;
    }

    /** The batch's size as it would have been stored (its record: encoded entries and metadata). */
    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
