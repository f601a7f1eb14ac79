package dev.batchyard.app.detail;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TextColumns;
import dev.batchyard.model.Attempt;
import java.util.List;
import javafx.collections.ListChangeListener;
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
                TextColumns.of("attemptAtColumn", messages.text("detail.attempt.at"), a -> formats.shortDateTime(a.at()),
                        150, 140),
                TextColumns.of("attemptSinkColumn", messages.text("detail.attempt.sink"), Attempt::sink, 90, 60),
                TextColumns.of("attemptTookColumn", messages.text("detail.attempt.took"), a -> formats.millis(a.duration()),
                        80, 64),
                TextColumns.of("attemptOutcomeColumn", messages.text("detail.attempt.outcome"),
                        a -> messages.text("detail.outcome." + a.outcome().name()), 95, 80),
                receiptColumn(attempts, messages),
                TextColumns.of("attemptErrorColumn", messages.text("detail.attempt.error"), Attempt::error, 250, 70)));
    }

    /**
     * Where the sink put the batch: only a sink that says so (Kafka) fills it, so the column shows
     * only while some attempt has a receipt and otherwise leaves its width to the error.
     */
    private static TableColumn<Attempt, String> receiptColumn(ObservableList<Attempt> attempts, Messages messages) {
        TableColumn<Attempt, String> column = TextColumns.of("attemptReceiptColumn", messages.text("detail.attempt.receipt"),
                a -> a.receipt().toString(), 165, 70);
        // set, not bound: the window's saved layout sets the columns' visibility too
        Runnable showIfAnyReceipt = () -> column.setVisible(attempts.stream().anyMatch(a -> !a.receipt().isEmpty()));
        attempts.addListener((ListChangeListener<Attempt>) change -> showIfAnyReceipt.run());
        showIfAnyReceipt.run();
        return column;
    }
}
