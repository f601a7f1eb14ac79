package dev.batchyard.app.dlq;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.OneLine;
import dev.batchyard.app.common.TextColumns;
import dev.batchyard.legacy.dlq.DeadLetter;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/** The dead letters of the chosen group, one a row: when, which sink, why, and the entry itself. */
final class DlqEntriesTable extends TableView<DeadLetter> {

    DlqEntriesTable(ObservableList<DeadLetter> letters, Formats formats) {
        super(letters);
        Messages messages = formats.messages();
        setId("dlqEntriesTable");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        setPlaceholder(new Label(messages.text("dlqBrowse.loading")));
        // the columns keep their widths and the table scrolls: squeezed to the window, times and ids were cut;
        // the error, what this view is for, is widest (an agent's sink and error type names run to 20 characters)
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        getColumns().setAll(List.of(
                TextColumns.of("dlqFailedAtColumn", messages.text("dlqBrowse.column.failedAt"),
                        l -> l.failure().at() == null ? "" : formats.shortDateTime(l.failure().at().toInstant()), 165, 150),
                TextColumns.of("dlqSinkColumn", messages.text("dlqBrowse.column.sink"),
                        l -> OneLine.of(l.failure().sink()), 150, 100),
                TextColumns.of("dlqErrorTypeColumn", messages.text("dlqBrowse.column.errorType"),
                        l -> OneLine.of(l.failure().errorType()), 160, 100),
                TextColumns.of("dlqErrorColumn", messages.text("dlqBrowse.column.error"),
                        l -> OneLine.of(l.failure().message()), 420, 120),
                TextColumns.of("dlqRetriesColumn", messages.text("dlqBrowse.column.retries"),
                        l -> formats.count(l.failure().retryCount()), 75, 70),
                TextColumns.of("dlqLevelColumn", messages.text("dlqBrowse.column.level"),
                        l -> OneLine.of(l.entry().level()), 60, 60),
                TextColumns.of("dlqMessageColumn", messages.text("dlqBrowse.column.message"),
                        l -> OneLine.of(l.entry().message()), 230, 120),
                TextColumns.of("dlqEntryIdColumn", messages.text("dlqBrowse.column.entryId"),
                        l -> OneLine.of(l.entryId()), 250, 110),
                TextColumns.of("dlqPlaceColumn", messages.text("dlqBrowse.column.place"), DeadLetter::place, 190, 140)));
    }
}
