package dev.batchyard.engine;

import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one stored batch's metadata, without its entries (read those with
 * {@link BatchPersistence#batch(String)}).
 *
 * @param createdAt   when the batch was persisted, with the offset it was written with (Go keeps
 *                    it, and the export must give it back)
 * @param lastAttempt the last delivery attempt, or {@code null} if never attempted
 * @param nextAttemptAt when the recovery loop will try again; {@code null} unless {@code RETRY_WAIT}
 * @param failureReason the last failure, or empty
 * @param storedBytes the size of the batch's record on disk
 * @param context     the Go agent's {@code context} map (empty when it had none)
 * @param attempts    the most recent delivery attempts, oldest first (bounded)
 */
public record BatchView(
        String id,
        String sink,
        BatchState state,
        int entryCount,
        long storedBytes,
        OffsetDateTime createdAt,
        OffsetDateTime lastAttempt,
        int retryCount,
        String failureReason,
        Instant nextAttemptAt,
        Map<String, String> context,
        List<Attempt> attempts) {

    public BatchView {
        failureReason = failureReason == null ? "" : failureReason;
        context = context == null ? Map.of() : Map.copyOf(context);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
