package dev.batchyard.training.run;

import dev.batchyard.model.Actor;
import dev.batchyard.training.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a scenario without a window, on a clock {@code speed} times real time, from start to
 * debrief: opens the world on {@code directory}, advances the run every few milliseconds until every
 * task is decided, and closes the world.
 */
public final class HeadlessRun {
    /** A headless run's default speed: a 3-minute task is decided in 9 s. */
    public static final double DEFAULT_SPEED = 20;
    private static final long STEP_MILLIS = 20;

    private HeadlessRun() {
    }

    /** @param trainee who acts (the solver acts as the trainee) */
    public static RunReport run(Scenario scenario, Path directory, boolean solve, double speed, Actor trainee) {
        long started = System.nanoTime();
        long seed = scenario.name().hashCode();
        ScenarioClock clock = ScenarioClock.startingNow(speed);
        try (TrainingWorld world = TrainingWorld.open(scenario, directory, trainee, clock, seed)) {
            ScenarioRun run = new ScenarioRun(scenario, world, solve, seed);
            while (!run.advance()) {
                sleep();
            }
            return run.report(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(STEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the scenario run was interrupted", e);
        }
    }
}
