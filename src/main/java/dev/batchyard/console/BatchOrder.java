package dev.batchyard.console;

import java.util.Objects;

/**
 * How a page of batches is sorted: by one field, ties broken by id, all in one direction (so a
 * descending order is exactly the ascending one reversed). A batch without a value for the field
 * (no next attempt) sorts after every batch with one in ascending order.
 */
public record BatchOrder(Field field, Direction direction) {

    /** The oldest batch first: the order of {@code list} and of the window's first load. */
    public static final BatchOrder OLDEST_FIRST = new BatchOrder(Field.CREATED, Direction.ASCENDING);

    /** What batches are sorted by. */
    public enum Field {
        /** When the batch was persisted (an imported batch keeps its original time); never changes. */
        CREATED,
        ID,
        SINK,
        /** In the lifecycle's order: pending, in flight, waiting to retry, dead. */
        STATE,
        RETRIES,
        ENTRIES,
        /** The batch's record size on disk. */
        SIZE,
        /** When the recovery loop tries it next; only batches waiting to retry have one. */
        NEXT_ATTEMPT
    }

    public enum Direction {
        ASCENDING,
        DESCENDING
    }

    public BatchOrder {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
    }
}
