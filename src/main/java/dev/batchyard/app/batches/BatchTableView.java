package dev.batchyard.app.batches;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.engine.BatchView;
import java.time.Duration;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;

/**
 * The batches table: virtualised, sortable on every column, multi-select. Selection is reported
 * to the view model; the sort order is the table's own and drives the view model's sorted list.
 */
public final class BatchTableView extends TableView<BatchView> {

    public BatchTableView(BatchTableViewModel model, Formats formats, Duration ttl) {
        super(model.visibleRows());
        setId("batchTable");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        getColumns().setAll(new BatchColumns(formats, model.nowProperty(), ttl).all());
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setTableMenuButtonVisible(true);
        setPlaceholder(new Label(formats.messages().text("table.empty")));
        model.visibleRows().comparatorProperty().bind(comparatorProperty());
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<BatchView>) c ->
                model.selection().setAll(getSelectionModel().getSelectedItems()));
    }
}
