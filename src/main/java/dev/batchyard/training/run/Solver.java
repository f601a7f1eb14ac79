package dev.batchyard.training.run;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.training.scenario.SolverStep;
import dev.batchyard.training.scenario.Task;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in solver: performs each open task's solution steps through the trainee's console, as
 * an operator would (so its actions are the trainee's in the audit trail). A step on tagged
 * batches is tried again a second later until each of them was acted on or is gone (one in flight
 * is refused for the moment); a step with {@code every} repeats at that period while its task is
 * open. A retry goes again, a second later, to every batch of its selection still stored (a sent
 * batch may fail again). Used by one run's thread.
 */
final class Solver {
    private static final Duration AGAIN = Duration.ofSeconds(1);
    private final TrainingWorld world;
    private final Map<SolverStep, Duration> nextAt = new HashMap<>();
    private final Map<SolverStep, Set<String>> done = new HashMap<>();
    private final Set<SolverStep> finished = new HashSet<>();

    Solver(TrainingWorld world) {
        this.world = world;
    }

    /** Performs the steps of {@code task} (open now, at scenario time {@code now}) that are due. */
    void act(Task task, Duration now) {
        for (SolverStep step : task.solution()) {
            Duration due = nextAt.computeIfAbsent(step, s -> max(s.at(), task.opensAt()));
            if (finished.contains(step) || now.compareTo(due) < 0) {
                continue;
            }
            boolean complete = perform(step);
            if (step.every() != null) {
                nextAt.put(step, due.plus(step.every()));
            } else if (complete) {
                finished.add(step);
            } else {
                nextAt.put(step, now.plus(AGAIN));
            }
        }
    }

    /** @return whether every batch the step is for has been acted on (or is gone) */
    private boolean perform(SolverStep step) {
        Console console = world.trainee();
        Set<String> acted = done.computeIfAbsent(step, s -> new HashSet<>());
        if (step.action() instanceof SolverStep.Action.ResumeRecovery) {
            console.setRecoveryPaused(false);
            return true;
        }
        List<String> ids = targets(step, console).stream().filter(id -> !acted.contains(id)).toList();
        if (ids.isEmpty()) {
            return true;
        }
        List<ActionResult> results;
        if (step.action() instanceof SolverStep.Action.Reroute r) {
            results = console.reroute(ids, r.to());
        } else if (step.action() instanceof SolverStep.Action.Retry) {
            results = console.retryNow(ids);
        } else {
            results = console.discard(ids, ((SolverStep.Action.Discard) step.action()).reason());
        }
        if (step.action() instanceof SolverStep.Action.Retry) {
            // a retry is done only once the batch is gone (delivered): a sent batch may fail again
            return false;
        }
        boolean complete = true;
        for (ActionResult result : results) {
            switch (result.reason()) {
                case NO_SUCH_BATCH, ALREADY_ROUTED -> acted.add(result.id());
                default -> {
                    if (result.reason().ok()) {
                        acted.add(result.id());
                    } else {
                        complete = false;
                    }
                }
            }
        }
        return complete;
    }

    /** The stored batches the step is for: a tag's, or every one waiting for a sink. */
    private List<String> targets(SolverStep step, Console console) {
        SolverStep.Selection selection;
        if (step.action() instanceof SolverStep.Action.Reroute r) {
            selection = r.batches();
        } else if (step.action() instanceof SolverStep.Action.Retry r) {
            selection = r.batches();
        } else {
            selection = ((SolverStep.Action.Discard) step.action()).batches();
        }
        if (selection instanceof SolverStep.Selection.Tagged t) {
            return console.find(world.tagged(t.tag())).stream().map(BatchView::id).toList();
        }
        String sink = ((SolverStep.Selection.ForSink) selection).sink();
        return console.each(BatchQuery.all().withSinks(sink), BatchOrder.OLDEST_FIRST, 500).map(BatchView::id).toList();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
