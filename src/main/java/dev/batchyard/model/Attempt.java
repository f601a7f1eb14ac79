package dev.batchyard.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * One delivery attempt of a batch: when, where, how long, how it ended, and where the sink put
 * what it accepted ({@link DeliveryReceipt#NONE} when it says nothing), and which entries it refused
 * when it said so per entry ({@code rejections}, by index, empty for most attempts).
 */
public record Attempt(Instant at, String sink, Duration duration, Outcome outcome, String error,
                      DeliveryReceipt receipt, List<EntryRejection> rejections) {

    /**
     * How an attempt ended; {@code REQUEUED} is not an attempt but a note in the history that an
     * operator (or a replay) requeued the batch with a fresh retry budget ({@code error} says by whom
     * and how many retries it had); {@code SPLIT} and {@code MERGED} are notes too: the batch was
     * made by splitting another one or by merging others ({@code error} names them); {@code EDITED}
     * is a note that an operator edited its entries, or restored the version from before an edit
     * ({@code error} says what changed, and where the version it replaced is kept).
     */
    public enum Outcome { DELIVERED, FAILED, TIMED_OUT, REQUEUED, SPLIT, MERGED, EDITED }

    public Attempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        error = error == null ? "" : error;
        receipt = receipt == null ? DeliveryReceipt.NONE : receipt;
        rejections = rejections == null || rejections.isEmpty() ? List.of()
                : rejections.stream().sorted(Comparator.comparingInt(EntryRejection::index)).toList();
        for (int i = 1; i < rejections.size(); i++) {
            if (rejections.get(i).index() == rejections.get(i - 1).index()) {
                throw new IllegalArgumentException("entry " + rejections.get(i).index() + " rejected twice in one attempt");
            }
        }
    }

    /** An attempt whose sink did not say which entries it refused. */
    public Attempt(Instant at, String sink, Duration duration, Outcome outcome, String error, DeliveryReceipt receipt) {
        this(at, sink, duration, outcome, error, receipt, List.of());
    }

    /** An attempt whose sink gave no receipt. */
    public Attempt(Instant at, String sink, Duration duration, Outcome outcome, String error) {
        this(at, sink, duration, outcome, error, DeliveryReceipt.NONE, List.of());
    }

    /** This attempt with its rejections at new indexes: {@code newIndex} answers -1 for an entry no longer there. */
    public Attempt withRejectionsMoved(IntUnaryOperator newIndex) {
        List<EntryRejection> moved = new ArrayList<>();
        for (EntryRejection r : rejections) {
            int to = newIndex.applyAsInt(r.index());
            if (to >= 0) {
                moved.add(new EntryRejection(to, r.reason()));
            }
        }
        return new Attempt(at, sink, duration, outcome, error, receipt, moved);
    }
}
