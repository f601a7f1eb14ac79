package dev.batchyard.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.i18n.Language;
import dev.batchyard.training.run.RunReport;
import dev.batchyard.training.run.TaskResult;
import dev.batchyard.training.scenario.BuiltInScenarios;
import dev.batchyard.training.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TaskPanelViewModelTest {
    /** One task: opens at 0:02, due by 2:02, two hints. */
    private static final Scenario PAUSED = BuiltInScenarios.find("paused-recovery").orElseThrow();
    private RunSnapshot now = snapshot(Duration.ofSeconds(1), TaskResult.Status.WAITING, null);
    private final TaskPanelViewModel inTest = new TaskPanelViewModel(() -> now, new Messages(Locale.ENGLISH));

    private static RunSnapshot snapshot(Duration at, TaskResult.Status status, RunReport report) {
        return new RunSnapshot(PAUSED, at, List.of(new TaskResult(PAUSED.tasks().get(0), status,
                status == TaskResult.Status.PASSED ? at : null, List.of())), report, "");
    }

    @Test
    void beforeTheFirstTaskOpensThePanelSaysWhenItWill() {
        inTest.tick();

        assertEquals("Nothing is being sent", inTest.titleProperty().get());
        assertEquals("The next task opens in 0:01. Watch the store.", inTest.taskProperty().get());
        assertEquals("0 of 1 task done", inTest.progressProperty().get());
        assertFalse(inTest.hintAvailableProperty().get());
    }

    @Test
    void anOpenTaskShowsItsGoalAndTheTimeLeftToItsDeadline() {
        now = snapshot(Duration.ofSeconds(32), TaskResult.Status.OPEN, null);
        inTest.tick();

        assertEquals("Task 1 of 1: Get the waiting batches delivered within 2 minutes, and lose none.",
                inTest.taskProperty().get());
        assertEquals("1:30 left", inTest.timerProperty().get());
    }

    @Test
    void hintsAreShownOneAtATimeOnRequestAndNoMoreThanTheTaskHas() {
        now = snapshot(Duration.ofSeconds(10), TaskResult.Status.OPEN, null);
        inTest.tick();
        assertEquals("", inTest.hintsProperty().get());
        assertTrue(inTest.hintAvailableProperty().get());

        inTest.showHint();
        assertEquals("The sinks are healthy. What does the status bar say about recovery?", inTest.hintsProperty().get());
        inTest.showHint();
        inTest.showHint();
        inTest.tick();

        assertEquals("The sinks are healthy. What does the status bar say about recovery?\nResume the recovery loop.",
                inTest.hintsProperty().get());
        assertFalse(inTest.hintAvailableProperty().get());
    }

    @Test
    void theDebriefIsHandedOnOnceWhenTheRunIsOver() {
        now = snapshot(Duration.ofSeconds(40), TaskResult.Status.OPEN, null);
        inTest.tick();
        assertNull(inTest.reportProperty().get());

        RunReport report = new RunReport(PAUSED, false, 1, Instant.EPOCH, List.of(), List.of(),
                snapshot(Duration.ofSeconds(41), TaskResult.Status.PASSED, null).tasks(), Duration.ofSeconds(41),
                Duration.ofSeconds(41));
        now = snapshot(Duration.ofSeconds(41), TaskResult.Status.PASSED, report);
        inTest.tick();
        inTest.tick();

        assertSame(report, inTest.reportProperty().get());
        assertEquals("1 of 1 task done", inTest.progressProperty().get());
        assertEquals("Every task is decided: the debrief follows.", inTest.taskProperty().get());
    }

    @Test
    void aRunThatStoppedSaysWhy() {
        now = new RunSnapshot(PAUSED, Duration.ofSeconds(5), now.tasks(), null, "StoreException: disk full");
        inTest.tick();

        assertEquals("The scenario stopped: StoreException: disk full", inTest.failureProperty().get());
    }

    @Test
    void portugueseShowsTheScenariosOwnPortugueseTexts() {
        now = snapshot(Duration.ofSeconds(32), TaskResult.Status.OPEN, null);
        TaskPanelViewModel pt = new TaskPanelViewModel(() -> now, LanguageChoice.messages(Language.BRAZILIAN_PORTUGUESE));
        pt.tick();

        assertEquals("Nada está sendo enviado", pt.titleProperty().get());
        assertEquals("Tarefa 1 de 1: Faça os lotes em espera serem entregues em até 2 minutos, sem perder nenhum.",
                pt.taskProperty().get());
        assertEquals("faltam 1:30", pt.timerProperty().get());
    }
}
