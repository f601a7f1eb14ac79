package dev.batchyard.engine;

import dev.batchyard.engine.store.BatchMeta;
import dev.batchyard.engine.store.StoredBatch;
import dev.batchyard.model.BatchState;
import java.time.Instant;

/**
 * One stored batch as a pass over the whole store sees it: the fields a {@link BatchQuery} filters
 * on and a page sorts by, read straight from the index's immutable {@link StoredBatch}, with the
 * state the lifecycle gives it at the moment the row was taken ({@code IN_FLIGHT} while a worker
 * sends it). Its {@link BatchView} is built only when asked for: a first page of 100 out of a
 * million batches builds 100 views, not a million (the README gives the admin API page figures).
 * Immutable; the view it builds is the one {@link BatchPersistence#find(String)} would have given
 * at the moment the row was taken.
 */
public final class BatchRow {
    private final StoredBatch stored;
    private final BatchState state;
    private final int loopLimit;

    /** @param loopLimit {@code requeue_loop_limit}: past it, the batch is flagged as looping */
    BatchRow(StoredBatch stored, BatchState state, int loopLimit) {
        this.stored = stored;
        this.state = state;
        this.loopLimit = loopLimit;
    }

    public String id() {
        return stored.id();
    }

    public String sink() {
        return stored.meta().sink();
    }

    public BatchState state() {
        return state;
    }

    public int retryCount() {
        return stored.meta().retryCount();
    }

    public int entryCount() {
        return stored.entryCount();
    }

    public long storedBytes() {
        return stored.length();
    }

    /** The creation instant ({@link BatchView#createdAt()} without its offset). */
    public Instant createdInstant() {
        return stored.createdInstant();
    }

    /** The creation instant's seconds since the epoch, read without making the {@link Instant}. */
    public long createdEpochSecond() {
        return stored.createdSecond();
    }

    /** The creation instant's nanosecond within its second. */
    public int createdNano() {
        return stored.createdNano();
    }

    public Instant nextAttemptAt() {
        return stored.meta().nextAttemptAt();
    }

    public String failureReason() {
        return stored.meta().failureReason();
    }

    /** Whether the loop guard flags it: requeued or rerouted more than {@code requeue_loop_limit} times. */
    public boolean looped() {
        return stored.meta().requeues() > loopLimit;
    }

    /** The whole metadata view of this batch, as it was when the row was taken. */
    public BatchView view() {
        BatchMeta m = stored.meta();
        return new BatchView(stored.id(), m.sink(), state, stored.entryCount(), stored.length(), stored.createdAt(),
                m.lastAttempt(), m.retryCount(), m.failureReason(), m.nextAttemptAt(), stored.context(), m.attempts(),
                m.requeues(), m.requeues() > loopLimit);
    }
}
