package dev.batchyard.engine.store;

/** {@code persistBatch} refused because the store holds {@code max_pending_batches} already. */
public final class BackPressureException extends StoreException {
    public BackPressureException(String message) {
        super(message);
    }
}
