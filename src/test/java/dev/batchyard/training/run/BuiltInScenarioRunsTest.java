package dev.batchyard.training.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.Actor;
import dev.batchyard.training.scenario.BuiltInScenarios;
import dev.batchyard.training.scenario.Scenario;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in scenario, run headless: with the solver every task's check passes (each task can
 * be done, and is checked), without it some task fails (no scenario whose task cannot fail).
 */
class BuiltInScenarioRunsTest {
    private static final Actor TRAINEE = new Actor("trainee");

    @TempDir
    Path tmp;

    static Iterable<String> scenarios() {
        return BuiltInScenarios.names();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theSolverPassesEveryTask(String name) {
        RunReport report = run(name, true);
        assertTrue(report.allPassed(), () -> describe(report));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void withoutTheSolverATaskFails(String name) {
        RunReport report = run(name, false);
        assertFalse(report.allPassed(), () -> describe(report));
    }

    private RunReport run(String name, boolean solve) {
        Scenario scenario = BuiltInScenarios.find(name).orElseThrow();
        RunReport report = HeadlessRun.run(scenario, tmp.resolve("store"), solve, HeadlessRun.DEFAULT_SPEED, TRAINEE);
        System.out.printf("scenario %s %s: %s in %d ms real, %s scenario time%n", name, solve ? "solved" : "unsolved",
                report.allPassed() ? "passed" : "failed", report.took().toMillis(), report.scenarioTime());
        return report;
    }

    static String describe(RunReport report) {
        return report.tasks().stream().map(t -> t.task().id() + " " + t.status() + " at " + t.decidedAt() + " "
                        + t.verdicts()).collect(Collectors.joining("\n"))
                + "\nevents: " + report.events() + "\nactions: " + report.traineeActions().size();
    }
}
