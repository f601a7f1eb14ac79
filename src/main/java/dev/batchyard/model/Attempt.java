package dev.batchyard.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One delivery attempt of a batch: when, where, how long, how it ended, and where the sink put
 * what it accepted ({@link DeliveryReceipt#NONE} when it says nothing).
 */
public record Attempt(Instant at, String sink, Duration duration, Outcome outcome, String error,
                      DeliveryReceipt receipt) {

    /**
     * How an attempt ended; {@code REQUEUED} is not an attempt but a note in the history that an
     * operator (or a replay) requeued the batch with a fresh retry budget ({@code error} says by whom
     * and how many retries it had).
     */
    public enum Outcome { DELIVERED, FAILED, TIMED_OUT, REQUEUED }

    public Attempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        error = error == null ? "" : error;
        receipt = receipt == null ? DeliveryReceipt.NONE : receipt;
    }

    /** An attempt whose sink gave no receipt. */
    public Attempt(Instant at, String sink, Duration duration, Outcome outcome, String error) {
        this(at, sink, duration, outcome, error, DeliveryReceipt.NONE);
    }
}
