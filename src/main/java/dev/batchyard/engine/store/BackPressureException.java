package dev.batchyard.engine.store;

/**
 * {@code persistBatch} refused because the store is full: it holds {@code max_pending_batches}
 * batches, or {@code max_pending_bytes} bytes of them, already. Nothing stored was dropped; the
 * batch can be offered again once deliveries make room.
 */
public final class BackPressureException extends StoreException {
    private final String limitKey;

    /** Refused at {@code max_pending_batches}. */
    public BackPressureException(String message) {
        this(message, "max_pending_batches");
    }

    /** @param limitKey the {@code persistence} key whose limit was reached */
    public BackPressureException(String message, String limitKey) {
        super(message);
        this.limitKey = limitKey;
    }

    /** The {@code persistence} key whose limit was reached: {@code max_pending_batches} or {@code max_pending_bytes}. */
    public String limitKey() {
        return limitKey;
    }
}
