package dev.batchyard.engine.events;

/**
 * A sink's health as the delivery layer reports it: carried by {@link BatchEvent.SinkHealthChanged}
 * and answered by {@code Delivery.health}. The app and the CLI word it at their edges (the breaker
 * states print as {@code closed}, {@code open}, {@code half_open}); nothing parses a word back.
 */
public enum SinkHealth {
    /** The circuit breaker is closed: batches go out. */
    CLOSED,
    /** The breaker is open: batches are held until its cool-down is over (or fall back elsewhere). */
    OPEN,
    /** The cool-down is over: one batch is out as the probe, the others wait for its answer. */
    HALF_OPEN,
    /** No sink of that name is enabled: its batches wait for an operator, without spending retries. */
    NOT_CONFIGURED;

    /** Whether a sink of that name is enabled (batches can be sent, retried and rerouted there). */
    public boolean configured() {
        return this != NOT_CONFIGURED;
    }
}
