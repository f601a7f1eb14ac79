package dev.batchyard.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * A discarded batch that can still be restored: the batch as it was when discarded, who discarded
 * it, when and why, and until when a restore takes it back ({@code discard_grace} after the discard).
 */
public record DiscardedBatch(BatchView batch, Instant discardedAt, String reason, String actor, Instant restorableUntil) {
    public DiscardedBatch {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(discardedAt, "discardedAt");
        Objects.requireNonNull(restorableUntil, "restorableUntil");
        reason = reason == null ? "" : reason;
        actor = actor == null ? "" : actor;
    }
}
