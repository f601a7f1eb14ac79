package dev.batchyard.app.dlq;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.OneLine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The grouping of the dead letters: all entries, then each failed sink, then its error types, each
 * with its count. Choosing a node shows its entries ({@code onChoose} gets null for all of them).
 */
final class DlqGroupsTree extends TreeView<DlqGroupRow> {
    private final Messages messages;
    private final TreeItem<DlqGroupRow> all = new TreeItem<>();

    DlqGroupsTree(ObservableList<DlqGroupRow> groups, Messages messages, Consumer<DlqGroupRow> onChoose) {
        this.messages = messages;
        setId("dlqGroupsTree");
        setRoot(all);
        all.setExpanded(true);
        setCellFactory(t -> new GroupCell());
        groups.addListener((ListChangeListener<DlqGroupRow>) c -> rebuild(groups));
        rebuild(groups);
        getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                onChoose.accept(now == null ? null : now.getValue()));
    }

    private void rebuild(ObservableList<DlqGroupRow> groups) {
        Map<String, TreeItem<DlqGroupRow>> sinks = new LinkedHashMap<>();
        all.getChildren().clear();
        for (DlqGroupRow row : groups) {
            TreeItem<DlqGroupRow> item = new TreeItem<>(row);
            if (row.errorType() == null) {
                item.setExpanded(true);
                sinks.put(row.sink(), item);
                all.getChildren().add(item);
            } else {
                sinks.get(row.sink()).getChildren().add(item);
            }
        }
        getSelectionModel().select(all);
    }

    private long total() {
        return all.getChildren().stream().mapToLong(i -> i.getValue().count()).sum();
    }

    private final class GroupCell extends TreeCell<DlqGroupRow> {
        @Override
        protected void updateItem(DlqGroupRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty) {
                setText(null);
            } else if (row == null) {
                setText(messages.format("dlqBrowse.groupCount", messages.text("dlqBrowse.all"), total()));
            } else {
                String name = row.errorType() == null ? row.sink()
                        : row.errorType().isEmpty() ? messages.text("dlqBrowse.noErrorType") : row.errorType();
                setText(messages.format("dlqBrowse.groupCount", OneLine.of(name), row.count()));
            }
        }
    }
}
