package dev.batchyard.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.training.run.AppliedEvent;
import dev.batchyard.training.run.RunReport;
import dev.batchyard.training.run.TaskResult;
import dev.batchyard.training.run.Verdict;
import dev.batchyard.training.scenario.BuiltInScenarios;
import dev.batchyard.training.scenario.Scenario;
import dev.batchyard.training.scenario.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DebriefViewModelTest {
    private static final Scenario PAUSED = BuiltInScenarios.find("paused-recovery").orElseThrow();
    private static final Task TASK = PAUSED.tasks().get(0);
    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    private static RunReport report(TaskResult.Status status, List<AuditRecord> actions) {
        List<Verdict> verdicts = List.of(new Verdict(TASK.check().get(0), true, 0, 0),
                new Verdict(TASK.check().get(1), status == TaskResult.Status.PASSED, 30, 30),
                new Verdict(TASK.keep().get(0), true, 30, 30));
        return new RunReport(PAUSED, false, 1, START,
                List.of(new AppliedEvent(Duration.ZERO, PAUSED.timeline().get(0).event(), ""),
                        new AppliedEvent(Duration.ofSeconds(1), PAUSED.timeline().get(1).event(), "")),
                actions, List.of(new TaskResult(TASK, status, Duration.ofSeconds(14), verdicts)),
                Duration.ofSeconds(14), Duration.ofSeconds(14));
    }

    @Test
    void aPassedRunScoresAHundredAndSaysWhatWasChecked() {
        DebriefViewModel inTest = DebriefViewModel.of(report(TaskResult.Status.PASSED, List.of()), ENGLISH);

        assertEquals("Debrief: Nothing is being sent", inTest.title());
        assertEquals("Score 100", inTest.score());
        assertEquals("1 of 1 task passed in 0:14 of scenario time", inTest.scoreDetail());
        assertTrue(inTest.allPassed());
        DebriefViewModel.TaskLines task = inTest.tasks().get(0);
        assertEquals("resume-recovery: passed at 0:14 (due by 2:02)", task.heading());
        assertEquals(List.of(new DebriefViewModel.CheckLine("the recovery loop is running", true),
                new DebriefViewModel.CheckLine("every batch of night-backlog delivered: 30 of 30", true),
                new DebriefViewModel.CheckLine("no batch of night-backlog discarded or expired: 0 lost", true)),
                task.checks());
        assertTrue(task.why().startsWith("Why it matters: While the recovery loop is paused"), task.why());
    }

    @Test
    void whatHappenedIsTheTimelineInScenarioTime() {
        DebriefViewModel inTest = DebriefViewModel.of(report(TaskResult.Status.PASSED, List.of()), ENGLISH);

        assertEquals(List.of("0:00  someone pauses the recovery loop",
                "0:01  30 batches for elastic-demo arrive (night-backlog)"), inTest.events());
    }

    @Test
    void aTraineeWhoDidNothingIsToldSoAndAFailedTaskScoresZero() {
        DebriefViewModel inTest = DebriefViewModel.of(report(TaskResult.Status.FAILED, List.of()), ENGLISH);

        assertEquals(List.of("Nothing: no action of yours is in the audit trail."), inTest.actions());
        assertEquals("Score 0", inTest.score());
        assertFalse(inTest.allPassed());
        assertFalse(inTest.tasks().get(0).passed());
    }
}
