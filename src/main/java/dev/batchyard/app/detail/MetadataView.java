package dev.batchyard.app.detail;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The shown batch's metadata as label/value rows. */
final class MetadataView extends GridPane {
    private final Messages messages;
    private final ObservableValue<BatchView> meta;
    private final ObservableValue<Instant> now;
    private final List<String> keys = new ArrayList<>();

    MetadataView(ObservableValue<BatchView> meta, ObservableValue<Instant> now, Formats formats) {
        this.messages = formats.messages();
        this.meta = meta;
        this.now = now;
        setId("batchMetadata");
        getStyleClass().add("metadata");
        visibleProperty().bind(Bindings.createBooleanBinding(() -> meta.getValue() != null, meta));
        setHgap(12);
        setVgap(4);
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        ColumnConstraints nameColumn = new ColumnConstraints();
        nameColumn.setMinWidth(Region.USE_PREF_SIZE);
        getColumnConstraints().addAll(nameColumn, valueColumn);
        String none = messages.text("value.none");
        row("id", BatchView::id);
        row("sink", BatchView::sink);
        row("state", v -> messages.text("state." + v.state().name()));
        row("entries", v -> formats.count(v.entryCount()));
        row("size", v -> formats.bytes(v.storedBytes()));
        row("created", v -> formats.dateTime(v.createdAt()));
        row("lastAttempt", v -> v.lastAttempt() == null ? none : formats.dateTime(v.lastAttempt()));
        row("retries", v -> formats.count(v.retryCount()));
        row("requeues", v -> v.requeueCount() == 0 ? none : messages.format(
                v.looped() ? "detail.requeues.looped" : "detail.requeues", v.requeueCount(), formats.count(v.requeueCount())));
        row("nextAttempt", v -> v.nextAttemptAt() == null ? none : formats.relative(v.nextAttemptAt(), now.getValue()));
        row("reason", v -> v.failureReason().isEmpty() ? none : v.failureReason());
        row("context", v -> v.context().isEmpty() ? none : v.context().entrySet().stream()
                .map(e -> messages.format("detail.context.entry", e.getKey(), e.getValue())).sorted()
                .collect(Collectors.joining(messages.text("detail.context.separator"))));
    }

    private void row(String key, Function<BatchView, String> value) {
        int index = keys.size();
        keys.add(key);
        Label name = new Label(messages.text("detail.field." + key));
        name.getStyleClass().add("metadata-name");
        Label shown = new Label();
        shown.setId("detail-" + key);
        shown.setWrapText(true);
        shown.textProperty().bind(Bindings.createStringBinding(
                () -> meta.getValue() == null ? "" : value.apply(meta.getValue()), meta, now));
        addRow(index, name, shown);
    }
}
