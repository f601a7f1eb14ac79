package dev.batchyard.app.events;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.FixedRowHeight;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TextColumns;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The table of event rows: time, type (with a severity icon), sink, description. The batch id has
 * no column of its own: every description names it, and the description needs the width.
 */
final class EventTable extends TableView<EventRow> {

    EventTable(LiveEventsViewModel viewModel) {
        super(viewModel.visibleRows());
        Formats formats = viewModel.formats();
        Messages messages = formats.messages();
        setId("eventTable");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        FixedRowHeight.measureOnce(this);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(messages.text("events.empty")));
        getColumns().add(TextColumns.of("eventTimeColumn", messages.text("events.column.time"),
                row -> formats.time(row.at()), 100, 100)); // a clipped time of day is useless
        TableColumn<EventRow, EventRow> kind = new TableColumn<>(messages.text("events.column.kind"));
        kind.setId("eventKindColumn");
        kind.setPrefWidth(125);
        kind.setMinWidth(115);
        kind.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        kind.setCellFactory(c -> new KindCell(messages));
        getColumns().add(kind);
        getColumns().add(TextColumns.of("eventSinkColumn", messages.text("events.column.sink"),
                row -> String.join(" \u2192 ", row.sinks()), 130, 80));
        TableColumn<EventRow, String> description = TextColumns.of("eventDescriptionColumn",
                messages.text("events.column.description"), EventRow::description, 500, 80);
        description.setCellFactory(c -> new DescriptionCell());
        getColumns().add(description);
        getColumns().forEach(c -> c.setSortable(false));   // the stream has one order: arrival
    }

    /** Shows the whole description as a tooltip, for when the column is too narrow for it. */
    private static final class DescriptionCell extends TableCell<EventRow, String> {
        private final Tooltip tooltip = new Tooltip();

        DescriptionCell() {
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(600);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            tooltip.setText(text);
            setTooltip(empty || text == null ? null : tooltip);
        }
    }

    /**
     * The event's kind with its severity icon. The cell keeps one icon and switches its glyph and a
     * pseudo-class: under a stream of events every visible row changes each pulse, and a new icon
     * node per update made the CSS pass re-create a style helper for each one.
     */
    private static final class KindCell extends TableCell<EventRow, EventRow> {
        private final Messages messages;
        private final FontIcon icon = new FontIcon();
        private Severity shown;

        KindCell(Messages messages) {
            this.messages = messages;
            icon.getStyleClass().add(SeverityStyle.ICON_CLASS);
        }

        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(messages.text(row.kind().key()));
                if (row.severity() != shown) {
                    SeverityStyle.show(icon, row.severity());
                    shown = row.severity();
                }
                setGraphic(icon);
            }
        }
    }
}
