package dev.batchyard.app.batches;

import java.time.Instant;
import java.util.function.BiFunction;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;

/**
 * A table cell that renders its value with a formatter that may depend on the current instant
 * ("in 12 s", "3 min ago"), and re-renders when the clock ticks. Only the visible cells exist, so
 * a tick costs a few dozen re-renders however many rows the table holds.
 */
final class FormattedCell<S, T> extends TableCell<S, T> {
    private final BiFunction<T, Instant, String> format;
    private final ObservableValue<Instant> now;

    FormattedCell(BiFunction<T, Instant, String> format, ObservableValue<Instant> now) {
        this.format = format;
        this.now = now;
        now.addListener((o, was, is) -> render());
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        render();
    }

    private void render() {
        T item = getItem();
        setText(isEmpty() || item == null ? null : format.apply(item, now.getValue()));
    }
}
