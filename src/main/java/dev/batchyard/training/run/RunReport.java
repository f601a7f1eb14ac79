package dev.batchyard.training.run;

import dev.batchyard.engine.AuditRecord;
import dev.batchyard.training.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The debrief of a run: what happened (the events as applied), what the trainee did (their lines
 * of the audit trail), what was checked (each task's result with its conditions), and the score.
 *
 * @param solved    whether the built-in solver acted for the trainee
 * @param start     the instant of scenario time 0 on the store's clock (its events and audit lines are stamped on it)
 * @param took      real time the run took
 */
public record RunReport(Scenario scenario, boolean solved, double speed, Instant start, List<AppliedEvent> events,
                        List<AuditRecord> traineeActions, List<TaskResult> tasks, Duration scenarioTime,
                        Duration took) {
    public RunReport {
        events = List.copyOf(events);
        traineeActions = List.copyOf(traineeActions);
        tasks = List.copyOf(tasks);
    }

    public long passed() {
        return tasks.stream().filter(t -> t.status() == TaskResult.Status.PASSED).count();
    }

    /** Every task's check passed. */
    public boolean allPassed() {
        return passed() == tasks.size();
    }

    /** Passed tasks out of 100. */
    public int score() {
        return tasks.isEmpty() ? 0 : (int) (100 * passed() / tasks.size());
    }
}
