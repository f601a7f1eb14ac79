package dev.batchyard.app.batches;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The batches on screen grouped by normalised failure reason: how many, how many entries, first
 * and last seen. Group actions work on the selected groups' batches.
 */
public final class FailureGroupsView extends TableView<ReasonGroup> {

    public FailureGroupsView(FailureGroupsViewModel model, Formats formats) {
        SortedList<ReasonGroup> sorted = new SortedList<>(model.groups());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        setId("failureGroups");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        Messages messages = formats.messages();
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new Label(messages.text("groups.empty")));
        TableColumn<ReasonGroup, String> reason = column(messages.text("groups.column.reason"),
                ReasonGroup::reason, "groupReasonColumn", 420);
        reason.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ReasonGroup group = getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || item == null ? null : item.isEmpty() ? messages.text("groups.noReason") : item);
                setTooltip(empty || group == null ? null
                        : new Tooltip(messages.format("groups.example", group.example())));
            }
        });
        TableColumn<ReasonGroup, Integer> count = column(messages.text("groups.column.count"),
                ReasonGroup::count, "groupCountColumn", 90);
        count.setCellFactory(c -> formatted(n -> formats.count(n)));
        TableColumn<ReasonGroup, Long> entries = column(messages.text("groups.column.entries"),
                ReasonGroup::entries, "groupEntriesColumn", 90);
        entries.setCellFactory(c -> formatted(n -> formats.count(n)));
        TableColumn<ReasonGroup, Instant> first = column(messages.text("groups.column.firstSeen"),
                ReasonGroup::firstSeen, "groupFirstColumn", 185);
        first.setCellFactory(c -> formatted(formats::shortDateTime));
        TableColumn<ReasonGroup, Instant> last = column(messages.text("groups.column.lastSeen"),
                ReasonGroup::lastSeen, "groupLastColumn", 185);
        last.setCellFactory(c -> formatted(formats::shortDateTime));
        getColumns().setAll(List.of(reason, count, entries, first, last));
        count.setSortType(TableColumn.SortType.DESCENDING);
    }

    private static <T extends Comparable<? super T>> TableColumn<ReasonGroup, T> column(
            String text, Function<ReasonGroup, T> value, String id, double width) {
        TableColumn<ReasonGroup, T> column = new TableColumn<>(text);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        return column;
    }

    private static <T> TableCell<ReasonGroup, T> formatted(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }
}
