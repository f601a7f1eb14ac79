package dev.batchyard.app.training;

import dev.batchyard.training.run.RunReport;
import dev.batchyard.training.run.TaskResult;
import dev.batchyard.training.scenario.Scenario;
import java.time.Duration;
import java.util.List;

/**
 * A scenario run as it stands at one moment, for the task panel.
 *
 * @param report  the debrief once every task is decided, else {@code null}
 * @param failure why the run stopped before its end, else empty
 */
public record RunSnapshot(Scenario scenario, Duration elapsed, List<TaskResult> tasks, RunReport report,
                          String failure) {
    public RunSnapshot {
        tasks = List.copyOf(tasks);
    }

    public boolean over() {
        return report != null;
    }
}
