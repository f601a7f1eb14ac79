package dev.batchyard.app.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.batchyard.app.AppContext;
import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.events.Screenshots;
import dev.batchyard.legacy.dlq.DeadLetter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DlqBrowseViewTest {
    private static final Formats ENGLISH = new Formats(new Messages(Locale.ENGLISH), ZoneOffset.ofHours(-3));
    private DlqBrowseViewModel viewModel;
    private DlqBrowseView inTest;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("dlq-view-");
        DlqBrowseViewModelTest.directory(dir);
        Files.writeString(dir.resolve("dlq_20261201_200000.log"), DlqBrowseViewModelTest.sample().lines()
                .findFirst().orElseThrow().replace("loki_1796", "loki_3796")
                .replace("GET /api/orders 502 upstream reset", "multi\\nline \\u001b[31mred\\u001b[0m") + "\n");
        viewModel = new DlqBrowseViewModel(DlqBrowseViewModel.standardScan(), new CurrentThreadTaskExecutor(),
                ENGLISH.messages());
        inTest = new DlqBrowseView(viewModel, ENGLISH);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(inTest, 1280, 800);
        scene.getStylesheets().add(AppContext.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        viewModel.load(dir);
    }

    @SuppressWarnings("unchecked")
    private String cell(String columnId, int row) {
        TableView<DeadLetter> table = inTest.entriesTable();
        TableColumn<DeadLetter, String> column = (TableColumn<DeadLetter, String>) table.getColumns().stream()
                .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
        return column.getCellData(row);
    }

    @Test
    void showsEveryEntryWithItsErrorAndWhereItIs(FxRobot robot) {
        assertEquals(5, inTest.entriesTable().getItems().size());
        assertEquals("loki", cell("dlqSinkColumn", 0));
        assertEquals("send_error", cell("dlqErrorTypeColumn", 0));
        assertEquals("loki push failed: server returned HTTP status 500 Internal Server Error", cell("dlqErrorColumn", 0));
        assertEquals("3", cell("dlqRetriesColumn", 0));
        assertEquals("dlq_20261201_174012.log:1", cell("dlqPlaceColumn", 0));
        assertEquals("multi\\nline \\u001b[31mred\\u001b[0m", cell("dlqMessageColumn", 4));
        assertTrue(robot.lookup("5 entries in 4 files; 2 lines not taken in").tryQuery().isPresent());
    }

    @Test
    void clickingAnErrorTypeShowsOnlyItsEntries(FxRobot robot) {
        robot.clickOn("timeout (1)");
        assertEquals(1, inTest.entriesTable().getItems().size());
        assertEquals("kafka_sink", cell("dlqSinkColumn", 0));
        robot.clickOn("loki (3)");
        assertEquals(3, inTest.entriesTable().getItems().size());
        robot.clickOn("All entries (5)");
        assertEquals(5, inTest.entriesTable().getItems().size());
        assertTrue(Screenshots.save(inTest, "dlq-browse").toFile().length() > 1000);
    }

    @Test
    void theDamagedLinesTabNamesEachLine(FxRobot robot) {
        TabPane tabs = robot.lookup("#dlqBelowTabs").queryAs(TabPane.class);
        robot.clickOn(robot.lookup(".tab-label").match(n -> "Lines not taken in".equals(((Labeled) n).getText()))
                .queryAs(Labeled.class));
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex());
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                && c.getText().startsWith("dlq_20261201_180000.log:2: cut short")).tryQuery().isPresent());
        assertTrue(Screenshots.save(inTest, "dlq-browse-damaged").toFile().length() > 1000);
    }
}
