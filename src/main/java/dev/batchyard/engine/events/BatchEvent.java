package dev.batchyard.engine.events;

import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DamageKind;
import dev.batchyard.model.DeliveryReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the engine tells its observers. Each event is an immutable record stamped with the
 * engine clock's instant; events about a batch carry its id and sink. Events are published after
 * the change they describe is durable.
 */
public sealed interface BatchEvent {

    Instant at();

    /**
     * An event about one batch, named by its id: what a reader keeping rows current looks up again (the
     * batches table, the store's kept first rows), whatever happened to it.
     */
    sealed interface OfBatch extends BatchEvent {
        String id();
    }

    /** A batch was persisted (or imported). */
    record Persisted(Instant at, String id, String sink, int entryCount, long bytes) implements OfBatch {
    }

    /** The recovery loop (or an operator's retry) handed a batch to its sink. */
    record DeliveryStarted(Instant at, String id, String sink, int attempt) implements OfBatch {
    }

    /**
     * The sink confirmed the batch; it is gone from the store. The receipt says where the sink put
     * it ({@link DeliveryReceipt#NONE} when the sink does not say): this event is the last place an
     * operator can read it.
     */
    record Delivered(Instant at, String id, String sink, Duration took, DeliveryReceipt receipt) implements OfBatch {
        public Delivered {
            receipt = receipt == null ? DeliveryReceipt.NONE : receipt;
        }

        public Delivered(Instant at, String id, String sink, Duration took) {
            this(at, id, sink, took, DeliveryReceipt.NONE);
        }
    }

    /** An attempt failed; the batch waits until {@code nextAttemptAt}. */
    record DeliveryFailed(Instant at, String id, String sink, String reason, int retryCount,
                          Instant nextAttemptAt) implements OfBatch {
    }

    /** A batch exhausted its retries or failed permanently; it is kept as {@code DEAD}. */
    record DeadLettered(Instant at, String id, String sink, String reason, int retryCount)
            implements OfBatch {
    }

    /**
     * A configuration problem holds a batch ({@code HELD}): its sink is not configured, or answered
     * as only a configuration change can fix. Its retry budget is untouched.
     */
    record Held(Instant at, String id, String sink, String reason) implements OfBatch {
    }

    /** A held batch is due again at its sink (an operator's retry, or an open that found the sink configured). */
    record Released(Instant at, String id, String sink) implements OfBatch {
    }

    /**
     * An operator (or policy) removed a batch without delivering it: it is in no view any more, and
     * can be restored until {@code discard_grace} has passed.
     */
    record Discarded(Instant at, String id, String sink, String reason, Actor actor) implements OfBatch {
    }

    /** An operator took back a discard: the batch is back as it was. */
    record Restored(Instant at, String id, String sink, Actor actor) implements OfBatch {
    }

    /**
     * An operator (or a replay) requeued a dead batch: due now at {@code toSink} (the same as
     * {@code fromSink} unless it moved) with a fresh retry budget; requeued {@code requeues} times
     * in all.
     */
    record Requeued(Instant at, String id, String fromSink, String toSink, int requeues, Actor actor)
            implements OfBatch {
    }

    /**
     * An operator split the batch into {@code into} or merged it with others into {@code into} (one
     * batch): it left the store in the same durable change that made them, each announced as
     * {@link Persisted} after this.
     */
    record Replaced(Instant at, String id, String sink, boolean split, List<String> into, Actor actor)
            implements OfBatch {
        public Replaced {
            into = List.copyOf(into);
        }
    }

    /**
     * An operator edited the batch's entries (or restored the version from before an edit): it keeps its
     * id, and the version it replaced is kept, discarded and restorable, as {@code keptAs}.
     */
    record Edited(Instant at, String id, String sink, int entryCount, String keptAs, Actor actor) implements OfBatch {
    }

    /** A batch's target sink changed. */
    record Rerouted(Instant at, String id, String fromSink, String toSink, Actor actor) implements OfBatch {
    }

    /** An operator asked for an immediate attempt, bypassing backoff. */
    record RetryRequested(Instant at, String id, String sink, Actor actor) implements OfBatch {
    }

    /** The cleanup loop removed a batch older than {@code batch_ttl}. */
    record Expired(Instant at, String id, String sink, Duration age) implements OfBatch {
    }

    /** A cleanup pass finished. */
    record CleanupPass(Instant at, int expired, Duration took) implements BatchEvent {
    }

    /** A recovery pass finished: how many batches were due and how many were sent. */
    record RecoveryPass(Instant at, int due, int dispatched, int held) implements BatchEvent {
    }

    /** The store opened and found these batches waiting, by state. */
    record RecoveredAtStartup(Instant at, Map<BatchState, Integer> byState, Duration took)
            implements BatchEvent {
        public RecoveredAtStartup {
            byState = Map.copyOf(byState);
        }
    }

    /** The recovery loop was paused or resumed by an operator. */
    record RecoveryToggled(Instant at, boolean paused, Actor actor) implements BatchEvent {
    }

    /**
     * Damage was found on disk (at open, by compaction, or when a batch was read); {@code action}
     * says what was done about it, {@code kind} what it was, {@code batchIds} the batches concerned
     * where known.
     */
    record CorruptionFound(Instant at, DamageKind kind, String file, long offset, String detail, String action,
                           List<String> batchIds) implements BatchEvent {
        public CorruptionFound {
            batchIds = List.copyOf(batchIds);
        }

    }

    /** Sealed segments were rewritten to reclaim space. */
    record Compacted(Instant at, int segments, long bytesReclaimed, int batchesMoved) implements BatchEvent {
    }

    /**
     * A sink's health changed (e.g. its circuit breaker opened or closed).
     *
     * @param health      the new state ({@link SinkHealth#OPEN}, {@link SinkHealth#HALF_OPEN} or
     *                    {@link SinkHealth#CLOSED}); the app and the CLI word it
     * @param cause       why, as a value the app words in the operator's language
     * @param failures    the consecutive failures that opened the breaker ({@link Cause#FAILURES}), else 0
     * @param until       when the next probe may go, while open; else {@code null}
     * @param lastFailure the failure that opened it, while open; else empty
     * @param detail      all of it in English, for logs
     */
    record SinkHealthChanged(Instant at, String sink, SinkHealth health, Cause cause, int failures, Instant until,
                             String lastFailure, String detail) implements BatchEvent {
        /** Why a sink's health changed. */
        public enum Cause {
            /** Too many failures in a row opened the breaker. */
            FAILURES,
            /** The one batch sent as a probe after the wait failed too. */
            PROBE_FAILED,
            /** The wait after opening is over; one batch goes as a probe. */
            COOL_DOWN_OVER,
            /** The sink answered again. */
            ANSWERED,
            /** An operator closed it. */
            RESET
        }

        public SinkHealthChanged {
            Objects.requireNonNull(health, "health");
            lastFailure = lastFailure == null ? "" : lastFailure;
        }
    }

    /**
     * Delivered to one subscriber in place of events it was too slow to take: it missed
     * {@code count} events before this one.
     */
    record Missed(Instant at, long count) implements BatchEvent {
    }
}
