package dev.batchyard.app.batches;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchView;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;

/**
 * The batches table's columns. Each column's value is the raw, sortable thing (an instant, a
 * count); only the cell formats it, so sorting by "age" sorts by creation time, not by text.
 */
final class BatchColumns {
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
        return List.of(
                column("id", BatchView::id, (v, t) -> v, 250),
                column("sink", BatchView::sink, (v, t) -> v, 110),
                column("state", BatchView::state, (v, t) -> messages.text("state." + v.name()), 100),
                column("entries", BatchView::entryCount, (v, t) -> formats.count(v), 95),
                column("size", BatchView::storedBytes, (v, t) -> formats.bytes(v), 95),
                column("created", v -> v.createdAt().toInstant(), (v, t) -> formats.shortDateTime(v), 185),
                youngestFirst(column("age", v -> v.createdAt().toInstant(),
                        (v, t) -> formats.duration(Duration.between(v, t)), 95)),
                column("lastAttempt", v -> v.lastAttempt() == null ? null : v.lastAttempt().toInstant(),
                        (v, t) -> formats.shortDateTime(v), 185),
                column("retries", BatchView::retryCount, (v, t) -> formats.count(v), 70),
                column("requeues", LoopMark::of, (v, t) -> v.text(messages, formats), 90),
                column("nextAttempt", BatchView::nextAttemptAt, formats::relative, 115),
                column("expiresIn", v -> v.createdAt().toInstant().plus(ttl), formats::relative, 115),
                column("reason", BatchView::failureReason, (v, t) -> v.isEmpty() ? none : v, 360));
    }

    private <T extends Comparable<? super T>> TableColumn<BatchView, T> column(
            String id, Function<BatchView, T> value, BiFunction<T, Instant, String> format, double width) {
        TableColumn<BatchView, T> column = new TableColumn<>(messages.text("column." + id));
        column.setId(id + "Column");
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        column.setCellFactory(c -> new FormattedCell<>(format, now));
        column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        return column;
    }

    /** Ascending age is descending creation time. */
    private static TableColumn<BatchView, Instant> youngestFirst(TableColumn<BatchView, Instant> column) {
        column.setComparator(Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        return column;
    }
}
