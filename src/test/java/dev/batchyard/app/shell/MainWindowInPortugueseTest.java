package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.FxWait;
import dev.batchyard.app.PngWriter;
import dev.batchyard.app.TableRows;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.engine.BatchView;
import dev.batchyard.i18n.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on a real store, as a Brazilian operator sees it. */
@ExtendWith(ApplicationExtension.class)
class MainWindowInPortugueseTest {
    @TempDir
    static Path tempRoot;
    private MainWindowFixture app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory(tempRoot, "store");
        app = new MainWindowFixture(dir, stage, LanguageChoice.messages(Language.BRAZILIAN_PORTUGUESE), store -> {
            store.add("alpha-1", "loki", 4, 1, "dial tcp 10.0.0.5:3100: connection refused");
            store.add("alpha-2", "loki", 6, 2, "dial tcp 10.0.0.7:3100: connection refused");
            store.add("beta-1", "elasticsearch", 3, 0, "");
            store.add("gamma-1", "loki", 2, 0, "");
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        app.close();
    }

    @Test
    void menusAndColumnsArePortuguese(FxRobot robot) {
        TableView<BatchView> table = table(robot);

        assertEquals(List.of("_Arquivo", "_Exibir", "_Ações", "A_juda"),
                robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream().map(Menu::getText).toList());
        List<String> headers = table.getColumns().stream().map(TableColumn::getText).toList();
        assertTrue(headers.containsAll(List.of("Estado", "Entradas", "Próxima tentativa", "Motivo da falha")),
                headers::toString);
    }

    @Test
    void theDiscardConfirmationWordsItsPluralInPortuguese(FxRobot robot) {
        TableRows.select(robot, table(robot), "alpha-1", "gamma-1");

        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        FxWait.until(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        String question = robot.lookup("#confirmDialog").queryAs(DialogPane.class).getHeaderText();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        assertEquals("Descartar 2 lotes (6 entradas)?", question);
    }

    @Test
    void theNextAttemptIsARelativeTimeInPortuguese(FxRobot robot) {
        table(robot);

        FxWait.until(() -> robot.lookup("#batchTable .table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(cell -> cell.getText() != null && cell.getText().matches("em \\d+ (s|min)|em \\d+ h \\d+ min")));
    }

    @Test
    void choosingEnglishInTheViewMenuIsRememberedAndSaidInEnglish(FxRobot robot) {
        table(robot);

        robot.clickOn("Exibir").clickOn("Idioma").clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane notice = robot.lookup("#languageNotice").queryAs(DialogPane.class);
        String text = notice.getContentText();
        robot.interact(() -> notice.getScene().getWindow().hide());

        assertEquals("en", app.prefs.get("language", null));
        assertEquals("Batchyard will speak English from its next start.", text);
    }

    @Test
    void savesAScreenshotInPortuguese(FxRobot robot) throws Exception {
        TableRows.select(robot, table(robot), "alpha-2");
        FxWait.until(() -> robot.lookup("#detail-id").queryLabeled().getText().equals("alpha-2"));
        // its two failed attempts, read from the store in the background
        FxWait.until(() -> robot.lookup("#attemptsTable").queryTableView().getItems().size() == 2);
        Path file = PngWriter.save(stage.getScene(), "main-window-pt-BR.png");

        assertTrue(Files.size(file) > 10_000);
    }

    private TableView<BatchView> table(FxRobot robot) {
        TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
        FxWait.until(() -> table.getItems().size() == 4);
        return table;
    }

}
