package dev.batchyard.runtime;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.engine.BatchRow;
import dev.batchyard.engine.BatchView;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a batch sits in a {@link BatchOrder}: the value of the order's field (null when the batch
 * has none: no next attempt) and its id, which breaks ties, so every batch has one place. A page's
 * cursor is the sort key of its last row.
 */
record SortKey(Comparable<?> value, String id) {
    SortKey {
        Objects.requireNonNull(id, "id");
    }

    static SortKey of(BatchOrder.Field field, BatchView view) {
        return new SortKey(value(field, view), view.id());
    }

    /** The same key as {@link #of(BatchOrder.Field, BatchView)} gives the row's view, read from the row. */
    static SortKey of(BatchOrder.Field field, BatchRow row) {
        return new SortKey(value(field, row), row.id());
    }

    /** The order's comparison of sort keys: nulls after values, then by id; all reversed for descending. */
    static Comparator<SortKey> comparator(BatchOrder order) {
        // one plain method rather than a chain of Comparator.comparing lambdas: a page's pass compares
        // a key with the heap's worst for every stored batch, and the chain's calls showed in its profile
        Comparator<SortKey> ascending = SortKey::compareAscending;
        return order.direction() == BatchOrder.Direction.ASCENDING ? ascending : ascending.reversed();
    }

    private static int compareAscending(SortKey a, SortKey b) {
        int byValue = compareValues(a.value, b.value);
        return byValue != 0 ? byValue : a.id.compareTo(b.id);
    }

    /** Natural order, nulls last; both values are of the same order's field, so of one type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Comparable x, Comparable y) {
        if (x == null || y == null) {
            return x == y ? 0 : x == null ? 1 : -1;
        }
        return x.compareTo(y);
    }

    private static Comparable<?> value(BatchOrder.Field field, BatchView v) {
        return switch (field) {
            case CREATED -> v.createdAt().toInstant();
            case ID -> "";
            case SINK -> v.sink();
            case STATE -> v.state().ordinal();
            case RETRIES -> v.retryCount();
            case ENTRIES -> v.entryCount();
            case SIZE -> v.storedBytes();
            case NEXT_ATTEMPT -> v.nextAttemptAt();
        };
    }

    private static Comparable<?> value(BatchOrder.Field field, BatchRow r) {
        return switch (field) {
            case CREATED -> r.createdInstant();
            case ID -> "";
            case SINK -> r.sink();
            case STATE -> r.state().ordinal();
            case RETRIES -> r.retryCount();
            case ENTRIES -> r.entryCount();
            case SIZE -> r.storedBytes();
            case NEXT_ATTEMPT -> r.nextAttemptAt();
        };
    }

    /** The value as a cursor writes it. */
    String valueText() {
        return value == null ? null : value.toString();
    }

    /** A value as a cursor wrote it, read back for {@code field}. */
    static Comparable<?> parse(BatchOrder.Field field, String text) {
        if (text == null) {
            if (field != BatchOrder.Field.NEXT_ATTEMPT) {
                throw new IllegalArgumentException("no value for " + field);
            }
            return null;
        }
        return switch (field) {
            case CREATED, NEXT_ATTEMPT -> Instant.parse(text);
            case ID, SINK -> text;
            case STATE, RETRIES, ENTRIES -> Integer.parseInt(text);
            case SIZE -> Long.parseLong(text);
        };
    }
}
