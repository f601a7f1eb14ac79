package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.i18n.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dry run of a discard in Portuguese, with its screenshot. */
@ExtendWith(ApplicationExtension.class)
class DeadLettersWindowInPortugueseTest {
    @TempDir
    Path dir;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) {
        app = DeadLettersWindowTest.open(dir, stage, LanguageChoice.messages(Language.BRAZILIAN_PORTUGUESE));
    }

    @AfterEach
    void closeWindow() throws Exception {
        app.close();
    }

    @Test
    void theDiscardConfirmationNamesTheDryRunCountsInPortuguese(FxRobot robot) throws Exception {
        Path shot = DeadLettersWindowTest.discardConfirmationOfTwo(robot, "dry-run-dialog-pt-BR.png");

        String dryRun = robot.lookup("#dryRun").queryAs(Label.class).getText();
        assertTrue(dryRun.startsWith("Simulação: 2 lotes, 7 entradas, "), dryRun);
        assertTrue(dryRun.contains("; 0 em voo, 1 na DLQ."), dryRun);
        assertTrue(Files.size(shot) > 5_000);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }
}
