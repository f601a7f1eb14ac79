package dev.batchyard.app.detail;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TextColumns;
import dev.batchyard.model.Attempt;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
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
                TextColumns.of("attemptAtColumn", messages.text("detail.attempt.at"), a -> formats.shortDateTime(a.at()),
                        170, 165),
                TextColumns.of("attemptSinkColumn", messages.text("detail.attempt.sink"), Attempt::sink, 100, 75),
                TextColumns.of("attemptTookColumn", messages.text("detail.attempt.took"), a -> formats.millis(a.duration()),
                        90, 88),
                TextColumns.of("attemptOutcomeColumn", messages.text("detail.attempt.outcome"),
                        a -> messages.text("detail.outcome." + a.outcome().name()), 105, 100),
                TextColumns.of("attemptReceiptColumn", messages.text("detail.attempt.receipt"),
                        a -> a.receipt().toString(), 170, 70),
                TextColumns.of("attemptErrorColumn", messages.text("detail.attempt.error"), Attempt::error, 250, 70)));
    }
}
