package dev.batchyard.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * A discarded batch that can still be restored: the batch as it was when discarded, who discarded
 * it, when and why, and until when a restore takes it back ({@code discard_grace} after the discard).
 *
 * @param versionOf for the version of a batch an edit replaced, that batch's id (a restore puts this version
 *                  back in its place); empty for a batch an operator discarded
 */
public record DiscardedBatch(BatchView batch, Instant discardedAt, String reason, String actor, Instant restorableUntil,
                             String versionOf) {
    public DiscardedBatch {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(discardedAt, "discardedAt");
        Objects.requireNonNull(restorableUntil, "restorableUntil");
        reason = reason == null ? "" : reason;
        actor = actor == null ? "" : actor;
        versionOf = versionOf == null ? "" : versionOf;
    }

    /** A batch an operator discarded. */
    public DiscardedBatch(BatchView batch, Instant discardedAt, String reason, String actor, Instant restorableUntil) {
        this(batch, discardedAt, reason, actor, restorableUntil, "");
    }
}
