package dev.batchyard.sink;

import java.time.Duration;

/** What a sink's config says to do with a batch that keeps failing there. */
public sealed interface RecoveryStrategy {

    /** Keep retrying here; after {@code max_recovery_retries} the engine keeps it as DEAD. */
    record DeadLetter() implements RecoveryStrategy {
    }

    /**
     * Reroute to {@code target} once a batch failed here {@code afterAttempts} times, or once this
     * sink's circuit breaker has been open for {@code afterOpen} ({@code null}: never on that ground).
     */
    record Fallback(String target, int afterAttempts, Duration afterOpen) implements RecoveryStrategy {
    }
}
