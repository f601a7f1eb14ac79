package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TableRows;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.Admission;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.EntryRejection;
import dev.batchyard.model.LogEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a store where Elasticsearch refused 2 of a batch's 8 entries: the detail's
 * Entries tab marks those two with the sink's reason and counts them (screenshot
 * {@code target/screenshots/entries-rejected-en.png}), and its "Split failed entries out" replaces
 * the batch by the two rejected entries (still dead) and the six others.
 */
@ExtendWith(ApplicationExtension.class)
class RejectedEntriesWindowTest {
    @TempDir
    static Path tempRoot;
    private MainWindowFixture app;

    /** Refuses entries 2 and 5 of every batch, as a mapping error would, for good. */
    static final class Refusing implements Delivery {
        @Override
        public Admission admit(String sink) {
            return Admission.send();
        }

        @Override
        public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
            return CompletableFuture.completedFuture(DeliveryOutcome.Failed.rejected(List.of(
                    new EntryRejection(2, "400 mapper_parsing_exception: failed to parse field [fields.latency_ms] of type [long]"),
                    new EntryRejection(5, "400 mapper_parsing_exception: failed to parse field [fields.latency_ms] of type [long]")),
                    batch.entries().size(), false));
        }

        @Override
        public SinkHealth health(String sink) {
            return SinkHealth.CLOSED;
        }
    }

    static void storeWithRejectedEntries(Path dir) throws InterruptedException {
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(dir.resolve("store")),
                new Refusing(), Clock.systemUTC())) {
            List<LogEntry> entries = new ArrayList<>();
            OffsetDateTime now = OffsetDateTime.now();
            for (int i = 0; i < 8; i++) {
                entries.add(LogEntry.builder().timestamp(now.plusSeconds(i)).processedAt(now).level(i == 2 || i == 5 ? "error" : "info")
                        .message(i == 2 || i == 5 ? "GET /api/orders latency_ms=\"n/a\"" : "GET /api/orders/" + i + " 200")
                        .sourceType("docker").sourceId("api-1").build());
            }
            engine.persistBatch("orders-7f3a", entries, "elasticsearch");
            Instant deadline = Instant.now().plusSeconds(30);
            while (engine.find("orders-7f3a").orElseThrow().state() != BatchState.DEAD && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
            }
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory(tempRoot, "store");
        storeWithRejectedEntries(dir);
        app = new MainWindowFixture(dir, stage, new Messages(Locale.ENGLISH), store -> { });
    }

    @AfterEach
    void closeWindow() throws Exception {
        app.close();
    }

    @Test
    void theEntriesTabMarksTheRejectedEntriesWithTheSinksReason(FxRobot robot) throws Exception {
        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> batches.getItems().size() == 1);
        TableRows.select(robot, batches, "orders-7f3a");
        robot.clickOn("#entriesTab");
        TableView<?> entries = robot.lookup("#entriesTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> entries.getItems().size() == 8);

        TableColumn<?, ?> rejected = entries.getColumns().stream()
                .filter(c -> "entryRejectionColumn".equals(c.getId())).findFirst().orElseThrow();
        assertTrue(rejected.isVisible());
        List<Object> reasons = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reasons.add(rejected.getCellData(i));
        }
        String why = "400 mapper_parsing_exception: failed to parse field [fields.latency_ms] of type [long]";
        assertEquals(List.of("", "", why, "", "", why, "", ""), reasons);
        assertEquals("2 rejected by the sink", robot.lookup("#entriesRejected").queryAs(Label.class).getText());
        assertTrue(robot.lookup("✖ " + why).tryQuery().isPresent(), "the cell shows the mark and the reason");
        DeadLettersWindowTest.save(entries, "entries-rejected-en.png");

        robot.clickOn("#splitFailedButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.store.find("orders-7f3a.2").isPresent());
        assertTrue(app.store.find("orders-7f3a").isEmpty(), "replaced by its parts");
        assertEquals(BatchState.DEAD, app.store.find("orders-7f3a.1").orElseThrow().state(), "the poison stays dead");
        assertEquals(2, app.store.find("orders-7f3a.1").orElseThrow().entryCount());
        assertEquals(6, app.store.find("orders-7f3a.2").orElseThrow().entryCount());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> batches.getItems().size() == 2);
        DeadLettersWindowTest.save(entries, "entries-split-en.png");
    }
}
