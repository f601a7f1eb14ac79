package dev.batchyard.engine.store;

import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a batch that changes after it is persisted. Immutable: every change is a new
 * instance, written whole as a META record, so the last record on disk is the whole truth.
 */
public record BatchMeta(String sink, BatchState state, int retryCount, OffsetDateTime lastAttempt,
                        String failureReason, Instant nextAttemptAt, List<Attempt> attempts) {

    /** Retry history kept per batch, oldest dropped first. */
    public static final int MAX_ATTEMPTS = 20;
    /** Failure reasons longer than this are cut (a response body excerpt is enough). */
    public static final int MAX_REASON_CHARS = 2000;

    public BatchMeta {
        failureReason = failureReason == null ? "" : cut(failureReason);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        if (state == BatchState.IN_FLIGHT) {
            throw new IllegalArgumentException("IN_FLIGHT is never stored");
        }
    }

    public BatchMeta withState(BatchState newState, Instant next) {
        return new BatchMeta(sink, newState, retryCount, lastAttempt, failureReason, next, attempts);
    }

    public BatchMeta withFailure(int retries, OffsetDateTime at, String reason, BatchState newState, Instant next) {
        return new BatchMeta(sink, newState, retries, at, reason, next, attempts);
    }

    public BatchMeta withAttempt(Attempt attempt) {
        List<Attempt> history = new ArrayList<>(attempts);
        history.add(attempt);
        if (history.size() > MAX_ATTEMPTS) {
            history = history.subList(history.size() - MAX_ATTEMPTS, history.size());
        }
        return new BatchMeta(sink, state, retryCount, lastAttempt, failureReason, nextAttemptAt, history);
    }

    private static String cut(String reason) {
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "…";
    }
}
