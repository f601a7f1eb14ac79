package dev.batchyard.app.detail;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.Attempt;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The shown batch's delivery attempts, oldest first. */
final class AttemptsTable extends TableView<Attempt> {

    AttemptsTable(ObservableList<Attempt> attempts, Formats formats) {
        super(attempts);
        Messages messages = formats.messages();
        setId("attemptsTable");
        getStyleClass().addAll(Styles.DENSE);
        setPlaceholder(new Label(messages.text("detail.attempts.none")));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                column("attemptAtColumn", messages.text("detail.attempt.at"), a -> formats.shortDateTime(a.at()),
                        170, 165),
                column("attemptSinkColumn", messages.text("detail.attempt.sink"), Attempt::sink, 100, 75),
                column("attemptTookColumn", messages.text("detail.attempt.took"), a -> formats.millis(a.duration()),
                        90, 88),
                column("attemptOutcomeColumn", messages.text("detail.attempt.outcome"),
                        a -> messages.text("detail.outcome." + a.outcome().name()), 105, 100),
                column("attemptErrorColumn", messages.text("detail.attempt.error"), Attempt::error, 250, 70)));
    }

    /** @param minWidth what the header and a typical value need in either language */
    private static TableColumn<Attempt, String> column(String id, String title, Function<Attempt, String> value,
                                                       double width, double minWidth) {
        TableColumn<Attempt, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        column.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return column;
    }
}
