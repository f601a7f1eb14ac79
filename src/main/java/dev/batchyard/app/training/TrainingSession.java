package dev.batchyard.app.training;

import dev.batchyard.console.Console;
import dev.batchyard.model.Actor;
import dev.batchyard.training.run.RunReport;
import dev.batchyard.training.run.ScenarioClock;
import dev.batchyard.training.run.ScenarioRun;
import dev.batchyard.training.run.TrainingWorld;
import dev.batchyard.training.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * A scenario run behind the window: the {@code training} package's own world and run (the same
 * timeline, checks and scoring as {@code batchyard scenario run}), stepped on a thread of its own
 * every {@value #STEP_MILLIS} ms on a clock at real time (or a chosen speed), until every task is
 * decided; then the debrief is taken once and the stepping stops. The window reads
 * {@link #snapshot()} from any thread; the trainee acts through {@link #trainee()}.
 */
public final class TrainingSession implements AutoCloseable {
    static final long STEP_MILLIS = 100;

    private final TrainingWorld world;
    private final ScenarioRun run;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService stepper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scenario-run");
        t.setDaemon(true);
        return t;
    });
    private volatile RunReport report;
    private volatile String failure = "";

    private TrainingSession(TrainingWorld world, ScenarioRun run) {
        this.world = world;
        this.run = run;
    }

    /**
     * Opens the scenario's world on {@code directory} and starts its clock: blocks on disk, so never
     * on the UI thread.
     *
     * @param solve whether the built-in solver acts for the trainee (a demonstration, and tests)
     */
    public static TrainingSession start(Scenario scenario, Path directory, Actor trainee, double speed, boolean solve) {
        long seed = scenario.name().hashCode();
        TrainingWorld world = TrainingWorld.open(scenario, directory, trainee, ScenarioClock.startingNow(speed), seed);
        TrainingSession session = new TrainingSession(world, new ScenarioRun(scenario, world, solve, seed));
        session.stepper.scheduleWithFixedDelay(session::step, 0, STEP_MILLIS, TimeUnit.MILLISECONDS);
        return session;
    }

    private void step() {
        try {
            if (run.advance()) {
                report = run.report(Duration.ofNanos(System.nanoTime() - started));
                stepper.shutdown();
            }
        } catch (RuntimeException e) {
            // a run that cannot step cannot be scored: say so in the panel rather than freeze its timer
            LoggerFactory.getLogger(TrainingSession.class).error("scenario {} stopped", run.scenario().name(), e);
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            stepper.shutdown();
        }
    }

    /** How the run stands now: scenario time, each task, and the debrief once it is over. */
    public RunSnapshot snapshot() {
        return new RunSnapshot(run.scenario(), world.clock().elapsed(), run.results(), report, failure);
    }

    /** The console the trainee acts through (the window's). */
    public Console trainee() {
        return world.trainee();
    }

    /**
     * {@code listener} runs on the run's thread each time the scenario crashed the engine and opened
     * the store again: from then on {@link #trainee()} is a new console, on a new event bus.
     */
    public void onRestart(Runnable listener) {
        world.onRestart(listener);
    }

    /**
     * Stops stepping (a step under way finishes: it is not interrupted, since an interrupt in the
     * middle of a file read closes the channel under it) and closes the world (its traffic and store).
     */
    @Override
    public void close() {
        stepper.shutdown();
        try {
            stepper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        world.close();
    }
}
