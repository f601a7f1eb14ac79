package dev.batchyard.app.detail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.DeliveryReceipt;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The attempts table gives the receipt column room only when a sink said where it put the batch. */
@ExtendWith(ApplicationExtension.class)
class AttemptsTableTest {
    private static final Formats FORMATS = new Formats(new Messages(Locale.ENGLISH), ZoneOffset.UTC);
    private final ObservableList<Attempt> attempts = FXCollections.observableArrayList();
    private AttemptsTable inTest;

    @Start
    void start(Stage stage) {
        inTest = new AttemptsTable(attempts, FORMATS);
    }

    @Test
    void attemptsWithoutReceiptsHideTheReceiptColumn() {
        attempts.setAll(attempt("loki", DeliveryReceipt.NONE), attempt("loki", DeliveryReceipt.NONE));

        assertFalse(receiptColumn().isVisible());
    }

    @Test
    void anAttemptWithAReceiptShowsTheColumnAndHidesItAgainWhenTheAttemptsChange() {
        attempts.setAll(attempt("loki", DeliveryReceipt.NONE), attempt("kafka",
                new DeliveryReceipt(List.of(new DeliveryReceipt.Placement("orders", 0, 0, 98, 99)))));
        assertTrue(receiptColumn().isVisible());

        attempts.setAll(attempt("loki", DeliveryReceipt.NONE));
        assertFalse(receiptColumn().isVisible());
    }

    private TableColumn<Attempt, ?> receiptColumn() {
        return inTest.getColumns().stream().filter(c -> "attemptReceiptColumn".equals(c.getId())).findFirst().orElseThrow();
    }

    private static Attempt attempt(String sink, DeliveryReceipt receipt) {
        return new Attempt(Instant.parse("2026-12-02T01:19:31Z"), sink, Duration.ofMillis(5376), Attempt.Outcome.FAILED,
                "1 of 100 records failed", receipt);
    }
}
