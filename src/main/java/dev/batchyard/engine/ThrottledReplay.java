package dev.batchyard.engine;

import dev.batchyard.model.Actor;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the store's throttled replay (one at a time): on its own daemon thread, one batch every
 * {@code 1/rate} seconds (a fixed schedule, so a slow step does not slow the pace and a pause does not
 * bunch the steps after it), each step made durable in {@link ReplayFiles} before it is taken (see
 * there for what a crash leaves). Start, pause, resume and cancel are audited as {@code replay}.
 * The pace is kept on the machine's monotonic clock, not the engine's {@link Clock} (which only dates
 * the audit lines). Thread-safe.
 */
final class ThrottledReplay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottledReplay.class);

    /** One step: the action on one batch, then its send; answers as the operator's action does. */
    @FunctionalInterface
    interface Step {
        ActionResult take(ReplayRequest.Action action, String id, String sink, Actor actor);
    }

    private final ReplayFiles files;
    private final Step step;
    private final AuditTrail audit;
    private final Clock clock;
    private ReplayFiles.Plan plan;
    private ReplayFiles.Progress progress;
    private Thread runner;
    private boolean closed;

    ThrottledReplay(ReplayFiles files, Step step, AuditTrail audit, Clock clock) {
        this.files = files;
        this.step = step;
        this.audit = audit;
        this.clock = clock;
        Optional<ReplayFiles.Stored> stored = files.load();
        this.plan = stored.map(ReplayFiles.Stored::plan).orElse(null);
        this.progress = stored.map(ReplayFiles.Stored::progress).orElse(null);
    }

    /** Takes up a plan left {@code RUNNING} (the window or {@code serve} opening after a restart). */
    synchronized void resumeLeftRunning() {
        if (plan != null && progress.state() == ReplayStatus.State.RUNNING) {
            LOG.info("taking up the replay of {} batches left running ({} taken)", plan.request().ids().size(),
                    progress.taken());
            startRunner();
        }
    }

    synchronized ReplayStatus start(ReplayRequest request, Actor actor) {
        if (plan != null && status().open()) {
            throw new IllegalStateException("a replay is already under way (" + describe() + "): cancel it first");
        }
        plan = files.write(request, actor.name(), clock.instant());
        progress = files.progress(plan);
        audit.record(clock.instant(), actor, "replay", "start " + request.action().code() + " of "
                + request.ids().size() + " batches at " + request.rate() + "/s"
                + (request.sink() == null ? "" : " to " + request.sink()), List.of());
        startRunner();
        return status();
    }

    synchronized Optional<ReplayStatus> current() {
        return plan == null ? Optional.empty() : Optional.of(status());
    }

    /** @throws IllegalStateException when there is no replay, or it is finished or cancelled */
    synchronized ReplayStatus control(ReplayControl control, Actor actor) {
        if (plan == null || !status().open()) {
            throw new IllegalStateException(plan == null ? "there is no replay to " + word(control)
                    : "the replay (" + describe() + ") is " + status().state().name().toLowerCase(Locale.ROOT)
                    + ": nothing to " + word(control));
        }
        ReplayStatus.State next = switch (control) {
            case PAUSE -> ReplayStatus.State.PAUSED;
            case RESUME -> ReplayStatus.State.RUNNING;
            case CANCEL -> ReplayStatus.State.CANCELLED;
        };
        files.append(plan, word(control) + " " + actor.name(), true);
        progress = new ReplayFiles.Progress(progress.taken(), progress.uncertain(), progress.refused(), next);
        audit.record(clock.instant(), actor, "replay", word(control) + " at " + progress.taken() + " of "
                + plan.request().ids().size(), List.of());
        if (next == ReplayStatus.State.RUNNING) {
            startRunner();
        }
        notifyAll();
        return status();
    }

    private static String word(ReplayControl control) {
        return control.name().toLowerCase(Locale.ROOT);
    }

    private String describe() {
        return plan.request().action().code() + " of " + plan.request().ids().size() + " batches, "
                + progress.taken() + " taken";
    }

    private ReplayStatus status() {
        List<String> uncertain = progress.uncertain().stream()
                .filter(i -> runner == null || i < progress.taken() - 1 || !runner.isAlive())
                .map(i -> plan.request().ids().get(i)).toList();
        return new ReplayStatus(plan.request().action(), plan.request().sink(), plan.request().rate(),
                plan.request().ids().size(), progress.taken(), progress.refused(), progress.state(), plan.by(),
                plan.at(), uncertain, runner != null && runner.isAlive());
    }

    private void startRunner() {
        if (closed || runner != null && runner.isAlive()) {
            return;
        }
        ReplayFiles.Plan running = plan;
        runner = new Thread(() -> run(running), "batchyard-replay");
        runner.setDaemon(true);
        runner.start();
    }

    private void run(ReplayFiles.Plan running) {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / running.request().rate());
        long next = System.nanoTime();
        while (true) {
            int index;
            synchronized (this) {
                if (closed || plan != running || progress.state() != ReplayStatus.State.RUNNING) {
                    return;
                }
                if (progress.taken() >= running.request().ids().size()) {
                    files.append(running, "end", true);
                    progress = new ReplayFiles.Progress(progress.taken(), progress.uncertain(), progress.refused(),
                            ReplayStatus.State.FINISHED);
                    audit.record(clock.instant(), new Actor(running.by()), "replay", "finished: "
                            + progress.taken() + " taken, " + progress.refused() + " refused", List.of());
                    return;
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    waitNanos(wait);
                    continue;
                }
                index = progress.taken();
                files.append(running, "take " + index, true); // on disk before the step: never taken twice
                progress = taking(index);
            }
            next = Math.max(next + interval, System.nanoTime() - interval); // no burst after a pause
            ActionResult result;
            try {
                result = step.take(running.request().action(), running.request().ids().get(index),
                        running.request().sink(), new Actor(running.by()));
            } catch (RuntimeException e) {
                LOG.error("replay step on batch '{}' failed", running.request().ids().get(index), e);
                result = ActionResult.of(running.request().ids().get(index), ActionResult.Reason.STORE_ERROR,
                        String.valueOf(e.getMessage()));
            }
            synchronized (this) {
                if (plan == running) {
                    files.append(running, "done " + index + " " + (result.ok() ? "ok" : result.reason().code()), false);
                    progress = done(index, !result.ok());
                }
            }
        }
    }

    /** The progress once batch {@code index} is taken: open until its step answers. */
    private ReplayFiles.Progress taking(int index) {
        List<Integer> open = new ArrayList<>(progress.uncertain());
        open.add(index);
        return new ReplayFiles.Progress(index + 1, open, progress.refused(), progress.state());
    }

    /** The progress once batch {@code index}'s step answered. */
    private ReplayFiles.Progress done(int index, boolean refused) {
        List<Integer> open = new ArrayList<>(progress.uncertain());
        open.remove(Integer.valueOf(index));
        return new ReplayFiles.Progress(progress.taken(), open, progress.refused() + (refused ? 1 : 0), progress.state());
    }

    private void waitNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops the runner (a step under way ends first, with its answer recorded) and closes the progress file. */
    @Override
    public void close() {
        Thread was;
        synchronized (this) {
            closed = true;
            notifyAll();
            was = runner;
        }
        if (was != null) {
            try {
                was.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            try {
                files.closeProgress();
            } catch (IOException e) {
                LOG.warn("closing the replay progress failed", e);
            }
        }
    }
}
