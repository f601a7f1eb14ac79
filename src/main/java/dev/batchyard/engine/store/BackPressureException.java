package dev.batchyard.engine.store;

/**
 * {@code persistBatch} refused because the store is full: it holds {@code max_pending_batches}
 * batches, or {@code max_pending_bytes} bytes of them, already. Nothing stored was dropped; the
 * batch can be offered again once deliveries make room.
 */
public final class BackPressureException extends StoreException {
    private final String limitKey;
    private final java.time.Duration retryAfter;

    /** Refused at {@code max_pending_batches}. */
    public BackPressureException(String message) {
        this(message, "max_pending_batches");
    }

    /** @param limitKey the {@code persistence} key whose limit was reached */
    public BackPressureException(String message, String limitKey) {
        this(message, limitKey, null);
    }

    /**
     * Refused by a store across a network, which said when to offer the batch again.
     *
     * @param retryAfter the server's {@code Retry-After}, or {@code null} when it said none
     */
    public BackPressureException(String message, String limitKey, java.time.Duration retryAfter) {
        super(message);
        this.limitKey = limitKey;
        this.retryAfter = retryAfter;
    }

    /** When to offer the batch again, as a server across a network said; empty in-process (when deliveries make room). */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    /** The {@code persistence} key whose limit was reached: {@code max_pending_batches} or {@code max_pending_bytes}. */
    public String limitKey() {
        return limitKey;
    }
}
