package dev.batchyard.runtime;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.engine.BatchRow;
import java.time.Instant;
import java.util.Comparator;

/**
 * A {@link BatchOrder} over {@link BatchRow}s that compares a row with a key from the row's own
 * fields, primitives where the field is a number or a time, without making the row's
 * {@link SortKey} (nor, by creation time, its {@link Instant}): a first page of a million batches
 * keeps 100 of them, so all but a few hundred rows are compared and dropped, and making a key for
 * each was most of what the pass allocated. The same order as {@link SortKey#comparator}: the
 * field's value, nulls last (only a next attempt can be null), then the id; all reversed for
 * descending. Immutable.
 */
final class BatchRowOrder implements RowOrder<BatchRow> {
    private final BatchOrder.Field field;
    private final boolean descending;
    private final Comparator<SortKey> keys;

    BatchRowOrder(BatchOrder order) {
        this.field = order.field();
        this.descending = order.direction() == BatchOrder.Direction.DESCENDING;
        this.keys = SortKey.comparator(order);
    }

    @Override
    public Comparator<SortKey> keys() {
        return keys;
    }

    @Override
    public SortKey key(BatchRow row) {
        return SortKey.of(field, row);
    }

    @Override
    public int compare(BatchRow row, SortKey key) {
        int byValue = compareValue(row, key.value());
        int ascending = byValue != 0 ? byValue : row.id().compareTo(key.id());
        return descending ? -ascending : ascending;
    }

    /** The row's value of the field against a key's value of it (of the type {@link SortKey} gives it). */
    private int compareValue(BatchRow row, Object value) {
        return switch (field) {
            case CREATED -> {
                Instant k = (Instant) value;
                int bySecond = Long.compare(row.createdEpochSecond(), k.getEpochSecond());
                yield bySecond != 0 ? bySecond : Integer.compare(row.createdNano(), k.getNano());
            }
            case ID -> 0;
            case SINK -> row.sink().compareTo((String) value);
            case STATE -> Integer.compare(row.state().ordinal(), (Integer) value);
            case RETRIES -> Integer.compare(row.retryCount(), (Integer) value);
            case ENTRIES -> Integer.compare(row.entryCount(), (Integer) value);
            case SIZE -> Long.compare(row.storedBytes(), (Long) value);
            case NEXT_ATTEMPT -> {
                Instant mine = row.nextAttemptAt();
                Instant k = (Instant) value;
                yield mine == null || k == null ? (mine == k ? 0 : mine == null ? 1 : -1) : mine.compareTo(k);
            }
        };
    }
}
