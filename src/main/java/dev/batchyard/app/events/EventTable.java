package dev.batchyard.app.events;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The table of event rows: time, type (with a severity icon), sink, batch, description. */
final class EventTable extends TableView<EventRow> {

    EventTable(LiveEventsViewModel viewModel) {
        super(viewModel.visibleRows());
        LocalizedText texts = viewModel.texts();
        setId("eventTable");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(texts.text("events.empty")));
        TableColumn<EventRow, String> time = column(texts.text("events.column.time"), 100, row -> texts.time(row.at()));
        time.setMinWidth(100);      // a clipped time of day is useless
        getColumns().add(time);
        TableColumn<EventRow, EventRow> kind = new TableColumn<>(texts.text("events.column.kind"));
        kind.setPrefWidth(130);
        kind.setMinWidth(120);
        kind.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        kind.setCellFactory(c -> new KindCell(texts));
        getColumns().add(kind);
        getColumns().add(column(texts.text("events.column.sink"), 170, row -> String.join(" \u2192 ", row.sinks())));
        getColumns().add(column(texts.text("events.column.batch"), 120, EventRow::batchId));
        TableColumn<EventRow, String> description = column(texts.text("events.column.description"), 500,
                EventRow::description);
        getColumns().add(description);
        getColumns().forEach(c -> c.setSortable(false));   // the stream has one order: arrival
    }

    private static TableColumn<EventRow, String> column(String title, double width,
                                                        Function<EventRow, String> value) {
        TableColumn<EventRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 80));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static final class KindCell extends TableCell<EventRow, EventRow> {
        private final LocalizedText texts;

        KindCell(LocalizedText texts) {
            this.texts = texts;
        }

        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(texts.text(row.kind().key()));
                setGraphic(SeverityStyle.icon(row.severity()));
            }
        }
    }
}
