package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.FxWait;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.engine.ReplayStatus;
import dev.batchyard.i18n.Language;
import java.nio.file.Files;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The requeue dialog and the replay strip in Portuguese, with their screenshots. */
@ExtendWith(ApplicationExtension.class)
class RequeueAndReplayWindowInPortugueseTest {
    @TempDir
    Path dir;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) {
        app = RequeueAndReplayWindowTest.open(dir, stage, LanguageChoice.messages(Language.BRAZILIAN_PORTUGUESE));
    }

    @AfterEach
    void closeWindow() throws Exception {
        app.close();
    }

    @Test
    void theRequeueDialogInPortuguese(FxRobot robot) throws Exception {
        DialogPane pane = RequeueAndReplayWindowTest.requeueDialog(robot, "alpha-1", "dead-1", "loop-1");
        Path shot = DeadLettersWindowTest.save(pane, "requeue-dialog-pt-BR.png");

        assertEquals("Reenfileirar 1 lote morto (3 entradas) para o próprio sink?", pane.getHeaderText());
        assertTrue(robot.lookup("#requeueLooped").queryAs(Label.class).getText()
                .contains("loop-1 (reenfileirado 4 vezes)"));
        assertTrue(Files.size(shot) > 5_000);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void theReplayStripInPortuguese(FxRobot robot) throws Exception {
        RequeueAndReplayWindowTest.pacedRequeue(robot);
        robot.clickOn("#replayPause");
        FxWait.until(
                () -> app.store.engine.replay().orElseThrow().state() == ReplayStatus.State.PAUSED);
        FxWait.until(
                () -> robot.lookup("#replayLine").queryAs(Label.class).getText().startsWith("Pausada \u00b7 "));

        assertTrue(Files.size(DeadLettersWindowTest.save(robot.lookup("#batchTable").query(),
                "replay-strip-pt-BR.png")) > 10_000);
        robot.clickOn("#replayCancel");
        FxWait.until(
                () -> app.store.engine.replay().orElseThrow().state() == ReplayStatus.State.CANCELLED);
    }
}
