package dev.batchyard.app.batches;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.FixedRowHeight;
import dev.batchyard.app.common.Formats;
import dev.batchyard.engine.BatchView;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
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
        FixedRowHeight.measureOnce(this);
        getColumns().setAll(new BatchColumns(formats, model.nowProperty(), ttl).all());
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setTableMenuButtonVisible(true);
        setMinHeight(120);
        setPlaceholder(new Label(formats.messages().text("table.empty")));
        // the view model sorts (merging each round of changes in one pass); the table only says how
        setSortPolicy(table -> {
            model.comparatorProperty().set(table.getComparator());
            return true;
        });
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<BatchView>) c -> {
            if (!model.replacingProperty().get()) {
                model.selection().setAll(getSelectionModel().getSelectedItems());
            }
        });
        model.replacingProperty().addListener((o, was, is) -> {
            if (!is) {
                restoreSelection(model);
            }
        });
    }

    /**
     * Selects the rows of {@code ids} that the table shows (a filter may hide some) and scrolls to the first;
     * answers how many it selected.
     */
    public int select(Set<String> ids) {
        List<BatchView> rows = getItems();
        int[] indices = IntStream.range(0, rows.size()).filter(i -> ids.contains(rows.get(i).id())).toArray();
        getSelectionModel().clearSelection();
        if (indices.length > 0) {
            getSelectionModel().selectIndices(indices[0], Arrays.copyOfRange(indices, 1, indices.length));
            scrollTo(Math.max(0, indices[0] - 2));
        }
        return indices.length;
    }

    /** Selects again, by id, what was selected before the rows were replaced wholesale. */
    private void restoreSelection(BatchTableViewModel model) {
        Set<String> wanted = new HashSet<>();
        model.selection().forEach(v -> wanted.add(v.id()));
        if (wanted.isEmpty()) {
            return;
        }
        List<BatchView> rows = getItems();
        int[] indices = IntStream.range(0, rows.size()).filter(i -> wanted.contains(rows.get(i).id())).toArray();
        getSelectionModel().clearSelection();
        if (indices.length > 0) {
            getSelectionModel().selectIndices(indices[0], Arrays.copyOfRange(indices, 1, indices.length));
        }
    }
}
