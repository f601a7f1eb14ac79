package dev.batchyard.training.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the trainee is asked to do. The task opens at {@code opensAt} and must be done by
 * {@code opensAt + within}. It passes as soon as every condition of {@code check} holds, provided
 * every condition of {@code keep} held all along; a task with no {@code check} conditions passes at
 * its deadline if its {@code keep} conditions held until then ("no batch refused for 2 minutes").
 *
 * @param solution what the built-in solver does to pass it (never shown to the trainee)
 */
public record Task(String id, Text goal, Duration opensAt, Duration within, List<Text> hints, Text explanation,
                   List<Check> check, List<Check> keep, List<SolverStep> solution) {
    public Task {
        Objects.requireNonNull(id, "id");
        hints = List.copyOf(hints);
        check = List.copyOf(check);
        keep = List.copyOf(keep);
        solution = List.copyOf(solution);
        if (check.isEmpty() && keep.isEmpty()) {
            throw new IllegalArgumentException("task " + id + " checks nothing");
        }
    }

    public Duration deadline() {
        return opensAt.plus(within);
    }
}
