package dev.batchyard.app.detail;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TextColumns;
import dev.batchyard.model.LogEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The shown batch's entries (timestamp, level, source, message, and why the sink refused one when it
 * said so), searchable and sortable.
 */
final class EntriesView extends VBox {
    private final TableView<LogEntry> table;

    /** @param status shows a line of what an action did, in the pane's status */
    EntriesView(BatchDetailViewModel model, Formats formats, Consumer<String> status, EntryEditorDialog editor) {
        super(6);
        Messages messages = formats.messages();
        TextField search = new TextField();
        search.setId("entrySearch");
        search.setPromptText(messages.text("detail.entries.search"));
        search.textProperty().bindBidirectional(model.entrySearchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Label count = new Label();
        count.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("detail.entries.count", model.entries().size(), model.entryTotal()),
                model.entries()));
        Label rejected = new Label();
        rejected.setId("entriesRejected");
        rejected.getStyleClass().add(Styles.DANGER);
        rejected.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("detail.entries.rejected", model.rejectedCountProperty().get()),
                model.rejectedCountProperty()));
        rejected.visibleProperty().bind(model.rejectedCountProperty().greaterThan(0));
        rejected.managedProperty().bind(rejected.visibleProperty());
        Button splitFailed = new Button(messages.text("detail.splitFailed"));
        splitFailed.setId("splitFailedButton");
        splitFailed.visibleProperty().bind(model.rejectedCountProperty().greaterThan(0).and(
                Bindings.createBooleanBinding(model::canSplit)));
        splitFailed.managedProperty().bind(splitFailed.visibleProperty());
        BooleanProperty splitting = new SimpleBooleanProperty();
        splitFailed.disableProperty().bind(splitting.or(model.changesLockedProperty()));
        splitFailed.setOnAction(e -> {
            splitting.set(true);
            model.splitFailedEntriesOut(result -> {
                splitting.set(false);
                status.accept(messages.format("detail.split.done", String.join(", ", result.removed()),
                        result.made().stream().map(p -> messages.format("detail.split.part", p.id(), p.entryCount()))
                                .collect(Collectors.joining(", "))));
            }, failure -> {
                splitting.set(false);
                status.accept(messages.format("detail.split.refused", messages.engineTexts().failure(failure).oneLine()));
            });
        });
        table = new TableView<>();
        Button editEntry = new Button(messages.text("detail.editEntry"));
        editEntry.setId("editEntryButton");
        Button removeEntries = new Button(messages.text("detail.removeEntries"));
        removeEntries.setId("removeEntriesButton");
        for (Button b : new Button[] {editEntry, removeEntries}) {
            b.setVisible(model.canEdit() && editor != null);
            b.setManaged(b.isVisible());
        }
        var chosen = table.getSelectionModel().getSelectedItems();
        editEntry.disableProperty().bind(Bindings.size(chosen).isNotEqualTo(1).or(model.changesLockedProperty()));
        removeEntries.disableProperty().bind(Bindings.isEmpty(chosen).or(model.changesLockedProperty()));
        Consumer<dev.batchyard.engine.EditResult> edited = result -> result.batches().forEach(e -> model.tell(
                messages.format("detail.edit.done", e.id(), e.previousVersion())));
        Consumer<Throwable> refused = failure -> model.tell(messages.format("detail.edit.refused",
                messages.engineTexts().failure(failure).oneLine()));
        editEntry.setOnAction(e -> {
            LogEntry entry = chosen.get(0);
            editor.edit(getScene().getWindow(), model.metaProperty().get().id(), model.indexOf(entry), entry)
                    .ifPresent(edit -> model.editEntry(entry, edit.json(), edit.before(), edited, refused));
        });
        removeEntries.setOnAction(e -> model.removeEntries(List.copyOf(chosen), edited, refused));
        HBox bar = new HBox(8, search, rejected, splitFailed, editEntry, removeEntries, count);
        bar.setAlignment(Pos.CENTER_LEFT);

        SortedList<LogEntry> sorted = new SortedList<>(model.entries());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("entriesTable");
        table.getStyleClass().add(Styles.DENSE);
        table.setPlaceholder(new Label(messages.text("detail.entries.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                timestampColumn(messages.text("detail.entry.timestamp"), formats),
                TextColumns.of("entryLevelColumn", messages.text("detail.entry.level"), LogEntry::level, 62, 62),
                TextColumns.of("entrySourceColumn", messages.text("detail.entry.source"),
                        e -> messages.format("detail.entry.sourceValue", e.sourceType(), e.sourceId()), 120, 75),
                rejectionColumn(messages.text("detail.entry.rejected"), model),
                TextColumns.of("entryMessageColumn", messages.text("detail.entry.message"), LogEntry::message, 300, 120)));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    /** Selects and shows {@code entry} (this very object: two entries may be equal). */
    void select(LogEntry entry) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i) == entry) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 2));
                return;
            }
        }
    }

    TableView<LogEntry> table() {
        return table;
    }

    /**
     * Why the sink refused the entry, in red with the whole reason in a tooltip; shown only for a
     * batch whose sink named refused entries. Sorting by it brings them together.
     */
    private static TableColumn<LogEntry, String> rejectionColumn(String title, BatchDetailViewModel model) {
        TableColumn<LogEntry, String> column = new TableColumn<>(title);
        column.setId("entryRejectionColumn");
        column.setPrefWidth(220);
        column.setMinWidth(90);
        // set, not bound: the window's layout memory sets a column's visibility too
        column.setVisible(model.rejectedCountProperty().get() > 0);
        model.rejectedCountProperty().addListener((o, was, is) -> column.setVisible(is.intValue() > 0));
        column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(model.rejectionOf(d.getValue()).orElse("")));
        column.setComparator(Comparator.comparing((String r) -> r.isEmpty()).thenComparing(Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                tip.setWrapText(true);
                tip.setMaxWidth(480);
            }

            @Override
            protected void updateItem(String reason, boolean empty) {
                super.updateItem(reason, empty);
                boolean rejected = !empty && reason != null && !reason.isEmpty();
                setText(rejected ? "✖ " + reason : null);
                tip.setText(rejected ? reason : null);
                setTooltip(rejected ? tip : null);
                getStyleClass().remove(Styles.DANGER);
                if (rejected) {
                    getStyleClass().add(Styles.DANGER);
                }
            }
        });
        return column;
    }

    /** Sorted by the instant, shown in the locale's format. */
    private static TableColumn<LogEntry, Instant> timestampColumn(String title, Formats formats) {
        TableColumn<LogEntry, Instant> column = new TableColumn<>(title);
        column.setId("entryTimestampColumn");
        // the short form, as in the batches table: the pane is narrow and the message needs the room
        column.setPrefWidth(170);
        column.setMinWidth(165);
        column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(
                d.getValue().timestamp() == null ? null : d.getValue().timestamp().toInstant()));
        column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? formats.messages().text("value.none") : formats.shortDateTime(item));
            }
        });
        return column;
    }
}
