package dev.batchyard.training.run;

import dev.batchyard.training.scenario.Task;
import java.time.Duration;
import java.util.List;

/**
 * How a task ended (or stands, while {@link Status#OPEN}).
 *
 * @param decidedAt scenario time it passed or failed; {@code null} while open or not yet opened
 * @param verdicts  its conditions as last evaluated ({@code check}'s, then {@code keep}'s)
 */
public record TaskResult(Task task, Status status, Duration decidedAt, List<Verdict> verdicts) {
    public enum Status {
        /** Not opened yet. */
        WAITING,
        OPEN,
        PASSED,
        FAILED
    }

    public TaskResult {
        verdicts = List.copyOf(verdicts);
    }

    public boolean decided() {
        return status == Status.PASSED || status == Status.FAILED;
    }
}
