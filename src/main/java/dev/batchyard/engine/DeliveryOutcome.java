package dev.batchyard.engine;

import dev.batchyard.model.BatchState;

/** How a delivery attempt ended, as the sink layer reports it. */
public sealed interface DeliveryOutcome {

    /** The sink confirmed the batch; the engine removes it. */
    record Delivered() implements DeliveryOutcome {
    }

    /**
     * The sink refused or could not be reached. A retryable failure waits for backoff; a permanent
     * one (a 4xx the sink will never accept) sends the batch to {@link BatchState#DEAD} at once.
     */
    record Failed(String reason, boolean retryable) implements DeliveryOutcome {
        public Failed {
            reason = reason == null || reason.isBlank() ? "unknown failure" : reason;
        }
    }

    static DeliveryOutcome delivered() {
        return new Delivered();
    }

    static DeliveryOutcome retryable(String reason) {
        return new Failed(reason, true);
    }

    static DeliveryOutcome permanent(String reason) {
        return new Failed(reason, false);
    }
}
