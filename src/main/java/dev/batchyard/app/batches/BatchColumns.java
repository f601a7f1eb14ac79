package dev.batchyard.app.batches;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.engine.BatchView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;

/**
 * The batches table's columns. Each column's value is the raw thing (an instant, a count); only the
 * cell formats it. The store sorts, so a column sorts by the {@link BatchOrder.Field} it shows ("age"
 * and "expires in" by creation time, reversed for age); a column the store cannot sort by (the last
 * attempt, the requeues, the reason) is not sortable. A row not read yet ({@code null}) shows an
 * ellipsis in its id and nothing else.
 */
final class BatchColumns {
    /** A column's place in the store's orders: its field, and whether its ascending is the field's descending. */
    private record Sorting(BatchOrder.Field field, boolean reversed) {
    }

    private final Map<TableColumn<BatchView, ?>, Sorting> sortings = new HashMap<>();
    private final Messages messages;
    private final Formats formats;
    private final ObservableValue<Instant> now;
    private final Duration ttl;

    BatchColumns(Formats formats, ObservableValue<Instant> now, Duration ttl) {
        this.messages = formats.messages();
        this.formats = formats;
        this.now = now;
        this.ttl = ttl;
    }

    List<TableColumn<BatchView, ?>> all() {
        String none = messages.text("value.none");
        String reading = messages.text("table.row.reading");
        return List.of(
                sorted(column("id", v -> v == null ? reading : v.id(), (v, t) -> v, 250), BatchOrder.Field.ID, false),
                sorted(column("sink", nullOr(BatchView::sink), (v, t) -> v, 110), BatchOrder.Field.SINK, false),
                sorted(column("state", nullOr(BatchView::state), (v, t) -> messages.text("state." + v.name()), 100),
                        BatchOrder.Field.STATE, false),
                sorted(column("entries", nullOr(BatchView::entryCount), (v, t) -> formats.count(v), 95),
                        BatchOrder.Field.ENTRIES, false),
                sorted(column("size", nullOr(BatchView::storedBytes), (v, t) -> formats.bytes(v), 95),
                        BatchOrder.Field.SIZE, false),
                sorted(column("created", nullOr(v -> v.createdAt().toInstant()), (v, t) -> formats.shortDateTime(v), 185),
                        BatchOrder.Field.CREATED, false),
                sorted(column("age", nullOr(v -> v.createdAt().toInstant()),
                        (v, t) -> formats.duration(Duration.between(v, t)), 95), BatchOrder.Field.CREATED, true),
                column("lastAttempt", nullOr(v -> v.lastAttempt() == null ? null : v.lastAttempt().toInstant()),
                        (v, t) -> formats.shortDateTime(v), 185),
                sorted(column("retries", nullOr(BatchView::retryCount), (v, t) -> formats.count(v), 70),
                        BatchOrder.Field.RETRIES, false),
                column("requeues", nullOr(LoopMark::of), (v, t) -> v.text(messages, formats), 90),
                sorted(column("nextAttempt", nullOr(BatchView::nextAttemptAt), formats::relative, 115),
                        BatchOrder.Field.NEXT_ATTEMPT, false),
                sorted(column("expiresIn", nullOr(v -> v.createdAt().toInstant().plus(ttl)), formats::relative, 115),
                        BatchOrder.Field.CREATED, false),
                column("reason", nullOr(BatchView::failureReason), (v, t) -> v.isEmpty() ? none : v, 360));
    }

    /**
     * The store's order for a table's sort order: its first column's field and direction; the oldest
     * first when it has none (the order batches arrive in).
     */
    BatchOrder orderOf(List<TableColumn<BatchView, ?>> sortOrder) {
        for (TableColumn<BatchView, ?> column : sortOrder) {
            Sorting sorting = sortings.get(column);
            if (sorting != null) {
                boolean ascending = column.getSortType() == TableColumn.SortType.ASCENDING;
                return new BatchOrder(sorting.field(), ascending != sorting.reversed()
                        ? BatchOrder.Direction.ASCENDING : BatchOrder.Direction.DESCENDING);
            }
        }
        return BatchOrder.OLDEST_FIRST;
    }

    private static <T> Function<BatchView, T> nullOr(Function<BatchView, T> value) {
        return v -> v == null ? null : value.apply(v);
    }

    private <T> TableColumn<BatchView, T> column(
            String id, Function<BatchView, T> value, BiFunction<T, Instant, String> format, double width) {
        TableColumn<BatchView, T> column = new TableColumn<>(messages.text("column." + id));
        column.setId(id + "Column");
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        column.setCellFactory(c -> new FormattedCell<>(format, now));
        column.setSortable(false);
        return column;
    }

    private <T> TableColumn<BatchView, T> sorted(TableColumn<BatchView, T> column, BatchOrder.Field field,
                                                 boolean reversed) {
        column.setSortable(true);
        sortings.put(column, new Sorting(field, reversed));
        return column;
    }
}
