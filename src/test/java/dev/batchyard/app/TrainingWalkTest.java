package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.training.ScenarioPickerDialog;
import dev.batchyard.app.training.ScenarioPickerViewModel;
import dev.batchyard.app.training.TrainingSession;
import dev.batchyard.i18n.Language;
import dev.batchyard.model.Actor;
import dev.batchyard.training.scenario.BuiltInScenarios;
import dev.batchyard.training.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.Labeled;
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
 * A trainee walks "Nothing is being sent" in the window, at real time, from the picker to the
 * debrief: picks it, waits for the task, asks for a hint, resumes recovery from the toolbar, and
 * reads a passed debrief. Saves the picker, the running scenario with its task panel, and the
 * debrief, in English and Portuguese, to {@code target/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingWalkTest {
    @TempDir
    Path dir;
    private Stage owner;
    private TrainingWindowFixture window;
    private TrainingWindow training;

    @Start
    void start(Stage primary) throws Exception {
        // a stage of its own (see TrainingWindowFixture), the picker's owner, shown
        owner = new Stage();
        owner.setScene(new Scene(new javafx.scene.layout.Pane(), 400, 300));
        owner.show();
        window = new TrainingWindowFixture();
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        WaitForAsyncUtils.asyncFx(owner::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTraineeResumesRecoveryAndTheDebriefSaysTheTaskPassed(FxRobot robot) throws Exception {
        walk(robot, Language.ENGLISH, "en", "Nothing is being sent", "Score 100");
    }

    @Test
    void aBrazilianTraineeWalksTheSameScenarioInPortuguese(FxRobot robot) throws Exception {
        walk(robot, Language.BRAZILIAN_PORTUGUESE, "pt-BR", "Nada está sendo enviado", "Nota 100");
    }

    private void walk(FxRobot robot, Language language, String tag, String title, String score) throws Exception {
        Messages messages = LanguageChoice.messages(language);
        Dialog<Scenario> picker = WaitForAsyncUtils.asyncFx(() -> {
            Dialog<Scenario> d = new ScenarioPickerDialog(new ScenarioPickerViewModel(BuiltInScenarios.all(),
                    BuiltInScenarios::read, window.executor, messages)).build(owner);
            d.show();
            return d;
        }).get(10, TimeUnit.SECONDS);
        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith(title))
                .queryLabeled());
        PngWriter.save(picker.getDialogPane().getScene(), "training-picker-" + tag + ".png");
        robot.clickOn("#startScenario");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> picker.getResult() != null);
        Scenario scenario = picker.getResult();
        assertEquals("paused-recovery", scenario.name());

        Path store = dir.resolve("store-" + tag);
        TrainingSession session = TrainingSession.start(scenario, store, Actor.osUser(), 1, false);
        training = window.open(session, store, dir, messages);

        Labeled task = robot.lookup("#trainingTask").queryLabeled();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> task.getText().startsWith(
                language == Language.ENGLISH ? "Task 1 of 1" : "Tarefa 1 de 1"));
        // fired, not clicked: under Monocle this stage's screen position is off by a screen's width after the
        // picker's dialog, and the robot finds the hint "not visible" (at 7f0fd01 too); the key below needs no position
        javafx.scene.control.Button hint = robot.lookup("#trainingHint").queryButton();
        WaitForAsyncUtils.asyncFx(hint::fire).get(10, TimeUnit.SECONDS);
        Thread.sleep(1_000);
        PngWriter.save(window.stage.getScene(), "training-task-" + tag + ".png");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.P)
                .release(javafx.scene.input.KeyCode.P, javafx.scene.input.KeyCode.CONTROL);   // Actions › Resume recovery

        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> training.debrief() != null);
        Stage debrief = training.debrief();
        WaitForAsyncUtils.waitForFxEvents();
        Labeled said = (Labeled) debrief.getScene().lookup("#debriefScore");
        assertEquals(score, said.getText());
        assertTrue(Files.size(PngWriter.save(debrief.getScene(), "training-debrief-" + tag + ".png")) > 10_000);
    }
}
