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
 * @param requeueCount how many times it was requeued or rerouted, each with a fresh retry budget
 * @param looped      whether {@code requeueCount} is past {@code requeue_loop_limit}: the loop guard's
 *                    flag (a batch that keeps failing and coming back)
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
        List<Attempt> attempts,
        int requeueCount,
        boolean looped) {

    /** A batch never requeued nor rerouted. */
    public BatchView(String id, String sink, BatchState state, int entryCount, long storedBytes,
                     OffsetDateTime createdAt, OffsetDateTime lastAttempt, int retryCount, String failureReason,
                     Instant nextAttemptAt, Map<String, String> context, List<Attempt> attempts) {
        this(id, sink, state, entryCount, storedBytes, createdAt, lastAttempt, retryCount, failureReason,
                nextAttemptAt, context, attempts, 0, false);
    }

    public BatchView {
        failureReason = failureReason == null ? "" : failureReason;
        context = context == null ? Map.of() : Map.copyOf(context);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
