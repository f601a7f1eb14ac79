package dev.batchyard.app.actions;

/** How a sink looks from the app: the delivery gate's answer, or a health event's word. */
public enum SinkHealth {
    /** Configured and taking batches. */
    HEALTHY,
    /** Configured but holding batches back (e.g. its circuit breaker is open). */
    DEGRADED,
    /** Not configured or disabled: nothing can be sent or rerouted there. */
    UNKNOWN;

    /** The sink layer's health word ({@code SinkHealthChanged.health()}) as one of these. */
    public static SinkHealth fromWord(String health) {
        String word = health == null ? "" : health.toLowerCase(java.util.Locale.ROOT);
        if (word.contains("unknown") || word.contains("disabled") || word.contains("unconfigured")) {
            return UNKNOWN;
        }
        if (word.equals("healthy") || word.equals("up") || word.equals("closed") || word.equals("ok")) {
            return HEALTHY;
        }
        return DEGRADED;
    }
}
