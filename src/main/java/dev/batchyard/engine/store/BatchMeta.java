package dev.batchyard.engine.store;

import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of a batch that changes after it is persisted. Immutable: every change is a new
 * instance, written whole as a META record, so the last record on disk is the whole truth.
 *
 * @param discard when an operator discarded the batch and why, while it can still be restored;
 *                {@code null} for a batch that was not discarded (see {@link Discard})
 * @param requeues how many times the batch was requeued or rerouted (by an operator, a replay or a
 *                 fallback policy): each starts its retry budget afresh, so a batch that keeps coming
 *                 back is flagged past {@code requeue_loop_limit} (the loop guard)
 */
public record BatchMeta(String sink, BatchState state, int retryCount, OffsetDateTime lastAttempt,
                        String failureReason, Instant nextAttemptAt, List<Attempt> attempts, Discard discard,
                        int requeues) {

    /**
     * A soft discard: the batch has left every view and is never sent, but is kept, as it was, until
     * {@code discard_grace} after {@code at}; until then an operator can restore it.
     *
     * @param versionOf for the version of a batch an edit replaced, that batch's id: restoring it puts
     *                  it back in that batch's place (and keeps the edited version the same way);
     *                  empty for a batch an operator discarded
     */
    public record Discard(Instant at, String reason, String actor, String versionOf) {
        public Discard {
            Objects.requireNonNull(at, "at");
            reason = reason == null ? "" : cut(reason);
            actor = actor == null ? "" : actor;
            versionOf = versionOf == null ? "" : versionOf;
        }

        /** An operator's discard of the batch itself. */
        public Discard(Instant at, String reason, String actor) {
            this(at, reason, actor, "");
        }

        /** Whether this is a version an edit replaced (see {@code versionOf}). */
        public boolean isVersion() {
            return !versionOf.isEmpty();
        }
    }

    /** Retry history kept per batch, oldest dropped first. */
    public static final int MAX_ATTEMPTS = 20;
    /** Failure reasons longer than this are cut (a response body excerpt is enough). */
    public static final int MAX_REASON_CHARS = 2000;

    /** A batch's metadata that was not discarded. */
    public BatchMeta(String sink, BatchState state, int retryCount, OffsetDateTime lastAttempt, String failureReason,
                     Instant nextAttemptAt, List<Attempt> attempts) {
        this(sink, state, retryCount, lastAttempt, failureReason, nextAttemptAt, attempts, null);
    }

    /** A batch's metadata, never requeued nor rerouted. */
    public BatchMeta(String sink, BatchState state, int retryCount, OffsetDateTime lastAttempt, String failureReason,
                     Instant nextAttemptAt, List<Attempt> attempts, Discard discard) {
        this(sink, state, retryCount, lastAttempt, failureReason, nextAttemptAt, attempts, discard, 0);
    }

    public BatchMeta {
        failureReason = failureReason == null ? "" : cut(failureReason);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        if (requeues < 0) {
            throw new IllegalArgumentException("requeues " + requeues + " < 0");
        }
        if (state == BatchState.IN_FLIGHT) {
            throw new IllegalArgumentException("IN_FLIGHT is never stored");
        }
    }

    public BatchMeta withState(BatchState newState, Instant next) {
        return new BatchMeta(sink, newState, retryCount, lastAttempt, failureReason, next, attempts, discard, requeues);
    }

    public BatchMeta withFailure(int retries, OffsetDateTime at, String reason, BatchState newState, Instant next) {
        return new BatchMeta(sink, newState, retries, at, reason, next, attempts, discard, requeues);
    }

    /** The same batch, discarded (or, with {@code null}, restored): everything else is kept as it was. */
    public BatchMeta withDiscard(Discard newDiscard) {
        return new BatchMeta(sink, state, retryCount, lastAttempt, failureReason, nextAttemptAt, attempts, newDiscard, requeues);
    }

    /**
     * The same batch pointed at {@code newSink} with a fresh retry budget, due now ({@code PENDING}),
     * counted as one more requeue; its history and failure reason are kept.
     */
    public BatchMeta requeuedTo(String newSink) {
        return new BatchMeta(newSink, BatchState.PENDING, 0, lastAttempt, failureReason, null, attempts, discard,
                requeues + 1);
    }

    /** Whether an operator discarded the batch (it waits for its purge, restorable). */
    public boolean discarded() {
        return discard != null;
    }

    public BatchMeta withAttempt(Attempt attempt) {
        List<Attempt> history = new ArrayList<>(attempts);
        history.add(attempt);
        if (history.size() > MAX_ATTEMPTS) {
            history = history.subList(history.size() - MAX_ATTEMPTS, history.size());
        }
        return new BatchMeta(sink, state, retryCount, lastAttempt, failureReason, nextAttemptAt, history, discard, requeues);
    }

    private static String cut(String reason) {
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "…";
    }
}
