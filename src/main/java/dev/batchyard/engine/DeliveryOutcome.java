package dev.batchyard.engine;

import dev.batchyard.model.BatchState;
import dev.batchyard.model.DeliveryReceipt;
import dev.batchyard.model.EntryRejection;
import java.util.List;

/**
 * How a delivery attempt ended, as the delivery layer reports it. A {@link dev.batchyard.engine.Delivery}
 * answers any of these; a single sink answers only {@link Delivered}, {@link Failed} or
 * {@link Misconfigured} (a
 * {@link Reroute} is the delivery layer's fallback policy speaking, never one sink).
 */
public sealed interface DeliveryOutcome {

    /** Where the sink put what it accepted of the batch ({@link DeliveryReceipt#NONE}: it did not say). */
    DeliveryReceipt receipt();

    /** The sink confirmed the batch; the engine removes it. */
    record Delivered(DeliveryReceipt receipt) implements DeliveryOutcome {
        public Delivered {
            receipt = receipt == null ? DeliveryReceipt.NONE : receipt;
        }

        public Delivered() {
            this(DeliveryReceipt.NONE);
        }
    }

    /**
     * The sink refused or could not be reached. A retryable failure waits for backoff; a permanent
     * one (a 4xx the sink will never accept) sends the batch to {@link BatchState#DEAD} at once.
     * The receipt says where the part that was accepted anyway went (a partial failure);
     * {@code rejections} which entries the sink refused and why, when it said so per entry (empty
     * when it did not: the whole batch failed). Made with {@link #rejected}, the reason sums them up.
     */
    record Failed(String reason, boolean retryable, DeliveryReceipt receipt, List<EntryRejection> rejections)
            implements DeliveryOutcome {
        public Failed {
            reason = reason == null || reason.isBlank() ? "unknown failure" : reason;
            receipt = receipt == null ? DeliveryReceipt.NONE : receipt;
            rejections = rejections == null ? List.of() : List.copyOf(rejections);
        }

        public Failed(String reason, boolean retryable, DeliveryReceipt receipt) {
            this(reason, retryable, receipt, List.of());
        }

        public Failed(String reason, boolean retryable) {
            this(reason, retryable, DeliveryReceipt.NONE, List.of());
        }

        /**
         * The sink refused {@code rejections} of a batch of {@code entryCount} entries (the others it
         * took, or would have): the reason reads "3 of 100 entries rejected: " and the most common
         * of their reasons ({@link Rejections#summary}).
         */
        public static Failed rejected(List<EntryRejection> rejections, int entryCount, boolean retryable) {
            return new Failed(Rejections.summary(rejections, entryCount), retryable, DeliveryReceipt.NONE, rejections);
        }
    }

    /**
     * The sink answered in a way only a configuration change can fix (a redirect: the URL in
     * {@code config.yaml} is wrong): the engine holds the batch ({@link BatchState#HELD}) with the
     * attempt in its history and its retry budget untouched, instead of spending retries on it until
     * it is DEAD. It waits, kept like a dead letter, for an operator or a restart with a fixed config.
     */
    record Misconfigured(String reason, DeliveryReceipt receipt) implements DeliveryOutcome {
        public Misconfigured {
            reason = reason == null || reason.isBlank() ? "configuration problem" : reason;
            receipt = receipt == null ? DeliveryReceipt.NONE : receipt;
        }

        public Misconfigured(String reason) {
            this(reason, DeliveryReceipt.NONE);
        }
    }

    /**
     * The attempt failed with {@code reason}, and the sink's fallback policy moves the batch to
     * {@code target}: the engine records the failed attempt and the reroute in one durable change,
     * emits {@code DeliveryFailed} then {@code Rerouted}, and audits it as {@code policy:fallback}.
     */
    record Reroute(String target, String reason, DeliveryReceipt receipt) implements DeliveryOutcome {
        public Reroute {
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("a reroute needs a target sink");
            }
            reason = reason == null || reason.isBlank() ? "unknown failure" : reason;
            receipt = receipt == null ? DeliveryReceipt.NONE : receipt;
        }

        public Reroute(String target, String reason) {
            this(target, reason, DeliveryReceipt.NONE);
        }
    }

    static DeliveryOutcome delivered() {
        return new Delivered();
    }

    static DeliveryOutcome delivered(DeliveryReceipt receipt) {
        return new Delivered(receipt);
    }

    static DeliveryOutcome retryable(String reason) {
        return new Failed(reason, true);
    }

    static DeliveryOutcome permanent(String reason) {
        return new Failed(reason, false);
    }

    static DeliveryOutcome misconfigured(String reason) {
        return new Misconfigured(reason);
    }
}
