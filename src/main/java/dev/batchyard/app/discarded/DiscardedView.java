package dev.batchyard.app.discarded;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TextColumns;
import dev.batchyard.engine.DiscardedBatch;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * What can still be restored: each discarded batch with its sink, entries, when and by whom it was
 * discarded and why, and the time left in its grace; Restore for the selection. The notice under it
 * is the actions' notice, the same words the main window shows. Thin: the view model holds it all.
 */
public final class DiscardedView extends BorderPane {
    private final TableView<DiscardedBatch> table;

    /** @param notice what the last action did (the main window's notice) */
    public DiscardedView(DiscardedViewModel model, Formats formats, ObservableStringValue notice) {
        Messages messages = formats.messages();
        setId("discardedView");
        setPadding(new Insets(8));
        Label about = new Label(messages.text("discarded.about"));
        about.setWrapText(true);
        about.getStyleClass().add(Styles.TEXT_MUTED);
        setTop(about);

        table = new TableView<>(model.rows());
        table.setId("discardedTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(messages.text("discarded.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DiscardedBatch, String> left = new TableColumn<>(messages.text("discarded.column.left"));
        left.setId("discardedLeftColumn");
        left.setPrefWidth(110);
        left.setMinWidth(90);
        left.setCellValueFactory(d -> Bindings.createStringBinding(
                () -> formats.duration(model.timeLeft(d.getValue())), model.nowProperty()));
        table.getColumns().setAll(List.of(
                TextColumns.of("discardedIdColumn", messages.text("column.id"), d -> d.batch().id(), 220, 120),
                TextColumns.of("discardedSinkColumn", messages.text("column.sink"), d -> d.batch().sink(), 140, 90),
                TextColumns.of("discardedEntriesColumn", messages.text("column.entries"),
                        d -> formats.count(d.batch().entryCount()), 90, 70),
                TextColumns.of("discardedAtColumn", messages.text("discarded.column.at"),
                        d -> formats.shortDateTime(d.discardedAt()), 170, 150),
                TextColumns.of("discardedByColumn", messages.text("discarded.column.by"), DiscardedBatch::actor, 120,
                        80),
                left,
                TextColumns.of("discardedReasonColumn", messages.text("discarded.column.reason"), DiscardedBatch::reason,
                        260, 100)));
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        setCenter(table);

        Button restore = new Button(messages.text("discarded.restore"));
        restore.setId("restoreSelected");
        restore.getStyleClass().add(Styles.ACCENT);
        restore.disableProperty().bind(model.canRestoreProperty().not()
                .or(Bindings.isEmpty(table.getSelectionModel().getSelectedItems())));
        restore.setOnAction(e -> model.restore(table.getSelectionModel().getSelectedItems().stream()
                .map(d -> d.batch().id()).toList()));
        Label said = new Label();
        said.setId("discardedNotice");
        said.setWrapText(true);
        said.textProperty().bind(Bindings.when(Bindings.isEmpty(model.problemProperty()))
                .then(notice).otherwise(model.problemProperty()));
        HBox.setHgrow(said, Priority.ALWAYS);
        HBox footer = new HBox(12, restore, said);
        footer.setAlignment(Pos.CENTER_LEFT);
        setBottom(footer);
    }

    public TableView<DiscardedBatch> table() {
        return table;
    }
}
