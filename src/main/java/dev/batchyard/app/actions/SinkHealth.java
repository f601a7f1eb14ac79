package dev.batchyard.app.actions;

/** How a sink looks from the app: one coloured dot and one word per value. */
public enum SinkHealth {
    /** Configured and taking batches. */
    HEALTHY,
    /** Configured but holding batches back (its circuit breaker is open, or probing). */
    DEGRADED,
    /** Not configured or disabled: nothing can be sent or rerouted there. */
    UNKNOWN;

    /** The sink layer's typed health as one of these. */
    public static SinkHealth of(dev.batchyard.engine.events.SinkHealth health) {
        return switch (health) {
            case CLOSED -> HEALTHY;
            case OPEN, HALF_OPEN -> DEGRADED;
            case NOT_CONFIGURED -> UNKNOWN;
        };
    }
}
