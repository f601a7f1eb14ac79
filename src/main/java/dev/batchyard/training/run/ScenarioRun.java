package dev.batchyard.training.run;

import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.training.scenario.Scenario;
import dev.batchyard.training.scenario.Task;
import dev.batchyard.training.scenario.TimedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One run of a scenario, advanced step by step by whoever drives it (the headless loop, or a
 * window's timer, off the UI thread): each {@link #advance()} applies the events now due, lets the
 * solver act when it runs, and evaluates the open tasks. A task passes as soon as its check holds
 * with its keep held all along, fails when a keep condition breaks or its deadline passes first.
 * Not thread-safe: one driver; {@link #results()} and {@link #events()} may be read from any thread.
 */
public final class ScenarioRun {
    private final Scenario scenario;
    private final TrainingWorld world;
    private final TimelineEvents apply;
    private final Conditions conditions;
    private final Solver solver;
    private final List<TimedEvent> schedule;
    private int nextEvent;
    private final List<AppliedEvent> applied = new CopyOnWriteArrayList<>();
    private final List<TaskResult> results = new CopyOnWriteArrayList<>();

    /** @param solve whether the built-in solver performs the tasks */
    public ScenarioRun(Scenario scenario, TrainingWorld world, boolean solve, long seed) {
        this.scenario = scenario;
        this.world = world;
        this.apply = new TimelineEvents(world, seed);
        this.conditions = new Conditions(world);
        this.solver = solve ? new Solver(world) : null;
        this.schedule = TimelineEvents.spread(scenario.timeline());
        scenario.tasks().forEach(t -> results.add(new TaskResult(t, TaskResult.Status.WAITING, null, List.of())));
    }

    /** @return whether every task is decided: the run is over */
    public boolean advance() {
        world.clock().tick();
        Duration now = world.clock().elapsed();
        while (nextEvent < schedule.size() && schedule.get(nextEvent).at().compareTo(now) <= 0) {
            TimedEvent due = schedule.get(nextEvent++);
            applied.add(applyNow(due));
        }
        for (int i = 0; i < results.size(); i++) {
            TaskResult r = results.get(i);
            if (!r.decided() && now.compareTo(r.task().opensAt()) >= 0) {
                results.set(i, evaluate(r.task(), now));
            }
        }
        return isOver();
    }

    private AppliedEvent applyNow(TimedEvent due) {
        Duration at = world.clock().elapsed();
        try {
            apply.apply(due.event());
            return new AppliedEvent(at, due.event(), "");
        } catch (RuntimeException e) {
            // the world refused it (a burst into a full store): the debrief says so, the run goes on
            return new AppliedEvent(at, due.event(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private TaskResult evaluate(Task task, Duration now) {
        if (solver != null) {
            solver.act(task, now);
        }
        List<Verdict> checks = task.check().stream().map(conditions::evaluate).toList();
        List<Verdict> keeps = task.keep().stream().map(conditions::evaluate).toList();
        List<Verdict> all = new ArrayList<>(checks);
        all.addAll(keeps);
        boolean kept = keeps.stream().allMatch(Verdict::holds);
        if (!kept) {
            return new TaskResult(task, TaskResult.Status.FAILED, now, all);
        }
        boolean checked = checks.stream().allMatch(Verdict::holds);
        if (!checks.isEmpty() && checked) {
            return new TaskResult(task, TaskResult.Status.PASSED, now, all);
        }
        if (now.compareTo(task.deadline()) >= 0) {
            return new TaskResult(task, checks.isEmpty() ? TaskResult.Status.PASSED : TaskResult.Status.FAILED, now, all);
        }
        return new TaskResult(task, TaskResult.Status.OPEN, null, all);
    }

    public boolean isOver() {
        return results.stream().allMatch(TaskResult::decided);
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<TaskResult> results() {
        return List.copyOf(results);
    }

    public List<AppliedEvent> events() {
        return List.copyOf(applied);
    }

    /** The debrief as things stand. */
    public RunReport report(Duration took) {
        return new RunReport(scenario, solver != null, world.clock().speed(), world.clock().start(), events(), traineeActions(), results(),
                world.clock().elapsed(), took);
    }

    private List<AuditRecord> traineeActions() {
        AuditQuery query = AuditQuery.all().withActor(world.traineeActor().name());
        List<AuditRecord> lines = new ArrayList<>();
        AuditPage page = world.trainee().audit(query, PageRequest.first(500));
        lines.addAll(page.records());
        while (!page.atEnd()) {
            page = world.trainee().audit(query, PageRequest.after(page.nextCursor(), 500));
            lines.addAll(page.records());
        }
        return lines;
    }
}
