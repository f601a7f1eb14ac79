package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.i18n.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Orientation;
import javafx.scene.control.DialogPane;
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

/** The audit trail and the reroute dialog's dry run in Portuguese, with their screenshots. */
@ExtendWith(ApplicationExtension.class)
class TrailWindowsInPortugueseTest {
    @TempDir
    Path dir;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) {
        app = TrailWindowsTest.open(dir, stage, LanguageChoice.messages(Language.BRAZILIAN_PORTUGUESE));
    }

    @AfterEach
    void closeWindow() throws Exception {
        app.close();
    }

    @Test
    void theAuditTrailInPortuguese(FxRobot robot) throws Exception {
        var table = TrailWindowsTest.openAudit(robot);

        assertTrue(Files.size(DeadLettersWindowTest.save(table, "audit-trail-pt-BR.png")) > 10_000);
    }

    @Test
    void theRerouteDialogNamesTheCountsInPortugueseWithoutScrollingSideways(FxRobot robot) throws Exception {
        DialogPane pane = TrailWindowsTest.rerouteOfTwo(robot);
        robot.clickOn("archive \u2014 retendo lotes");
        Path shot = DeadLettersWindowTest.save(pane, "reroute-dialog-pt-BR.png");

        String dryRun = robot.lookup("#rerouteDryRun").queryAs(Label.class).getText();
        assertTrue(dryRun.startsWith("Simulação: 2 lotes, 7 entradas, "), dryRun);
        assertTrue(dryRun.contains("; 0 em voo, 1 na DLQ."), dryRun);
        assertTrue(pane.getHeaderText().startsWith("Redirecionar 2 lotes (7 entradas) para archive?"),
                pane.getHeaderText());
        assertFalse(TrailWindowsTest.scrollBarShows(robot.lookup("#sinkChoices").queryListView(),
                Orientation.HORIZONTAL));
        assertFalse(TrailWindowsTest.scrollBarShows(robot.lookup("#sinkChoices").queryListView(),
                Orientation.VERTICAL));
        TrailWindowsTest.assertWhole(robot.lookup("#rerouteDryRun").queryAs(Label.class));
        TrailWindowsTest.assertInsideItsWindow(pane.lookupButton(javafx.scene.control.ButtonType.OK));
        assertTrue(Files.size(shot) > 5_000);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }
}
