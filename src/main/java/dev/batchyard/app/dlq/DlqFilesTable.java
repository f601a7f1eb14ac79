package dev.batchyard.app.dlq;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TextColumns;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/** Each dead-letter file in the order the agent wrote them: when it was opened, its entries and damaged lines. */
final class DlqFilesTable extends TableView<DlqFileRow> {

    DlqFilesTable(ObservableList<DlqFileRow> files, Formats formats) {
        super(files);
        Messages messages = formats.messages();
        setId("dlqFilesTable");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        setPlaceholder(new Label(""));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                TextColumns.of("dlqFileColumn", messages.text("dlqBrowse.column.file"), DlqFileRow::name, 230, 200),
                TextColumns.of("dlqOpenedAtColumn", messages.text("dlqBrowse.column.openedAt"), DlqFileRow::openedAt,
                        200, 160),
                TextColumns.of("dlqFileEntriesColumn", messages.text("dlqBrowse.column.entries"),
                        f -> formats.count(f.entries()), 90, 80),
                TextColumns.of("dlqFileDamagedColumn", messages.text("dlqBrowse.column.damaged"),
                        f -> formats.count(f.damagedLines()), 140, 130),
                TextColumns.of("dlqFileProblemColumn", messages.text("dlqBrowse.column.problem"), DlqFileRow::problem,
                        300, 100)));
    }
}
