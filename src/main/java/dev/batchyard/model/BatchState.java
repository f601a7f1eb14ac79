package dev.batchyard.model;

/**
 * Where a stored batch is in its life. Every state is on disk except {@link #IN_FLIGHT}, which is
 * the in-memory mark of a delivery under way: after a crash such a batch reopens in the state it
 * had before the attempt, and is sent again (delivery is at-least-once).
 */
public enum BatchState {
    /** Persisted and never attempted. */
    PENDING,
    /** Handed to a sink; the outcome is not known yet. */
    IN_FLIGHT,
    /** Failed; the next attempt is due at a computed time (the engine's {@code BatchView.nextAttemptAt()}). */
    RETRY_WAIT,
    /**
     * Failed {@code max_recovery_retries} times or permanently; kept until an operator acts (or
     * {@code dead_batch_ttl}, when one is set, or the {@code max_dead_batches} cap).
     */
    DEAD,
    /**
     * Held back by a configuration problem: its sink is not configured (a typo in
     * {@code config.yaml}, a disabled sink) or answered in a way only a configuration change can
     * fix (a redirect). Its retry budget is untouched; it is kept like a dead letter (never by
     * {@code batch_ttl}) until an operator retries or reroutes it, or the engine, opened again,
     * finds its sink configured. Declared last: the stored state is the ordinal.
     */
    HELD
}
