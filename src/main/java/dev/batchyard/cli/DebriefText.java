package dev.batchyard.cli;

import dev.batchyard.engine.AuditRecord;
import dev.batchyard.training.run.AppliedEvent;
import dev.batchyard.training.run.RunReport;
import dev.batchyard.training.run.TaskResult;
import dev.batchyard.training.run.Verdict;
import dev.batchyard.training.scenario.Check;
import dev.batchyard.training.scenario.ScenarioEvent;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * A scenario run's debrief as text, in the operator's language: what happened, what the trainee
 * did (their audit lines), each task with what was checked, and the score.
 */
final class DebriefText {
    private final Messages m;
    private final PrintWriter out;

    DebriefText(Messages m, PrintWriter out) {
        this.m = m;
        this.out = out;
    }

    void print(RunReport report) {
        out.println(m.get("scenario.heading", report.scenario().name(), Printable.of(report.scenario().title().in(m.language()))));
        out.println(m.get(report.solved() ? "scenario.clockSolved" : "scenario.clock", report.speed()));
        out.println();
        out.println(m.get("scenario.events"));
        for (AppliedEvent e : report.events()) {
            out.println("  " + clock(e.at()) + "  " + event(e.event())
                    + (e.failure().isEmpty() ? "" : "  (" + Printable.of(e.failure()) + ")"));
        }
        out.println();
        out.println(m.get("scenario.actions"));
        if (report.traineeActions().isEmpty()) {
            out.println("  " + m.get("scenario.noActions"));
        }
        for (AuditRecord r : report.traineeActions()) {
            long ok = r.results().stream().filter(AuditRecord.Result::ok).count();
            out.println("  " + (r.at() == null ? "?" : clock(Duration.between(report.start(), r.at()))) + "  " + Printable.of(r.action()) + (r.detail().isEmpty() ? "" : " " + Printable.of(r.detail()))
                    + (r.results().isEmpty() ? "" : "  " + m.get("scenario.actionResults", r.results().size(), ok)));
        }
        out.println();
        for (TaskResult t : report.tasks()) {
            String status = switch (t.status()) {
                case WAITING -> "scenario.task.waiting";
                case OPEN -> "scenario.task.open";
                case PASSED -> "scenario.task.passed";
                case FAILED -> "scenario.task.failed";
            };
            out.println(m.get(status, t.task().id(),
                    t.decidedAt() == null ? "" : clock(t.decidedAt()), clock(t.task().deadline())));
            out.println("    " + Printable.of(t.task().goal().in(m.language())));
            for (Verdict v : t.verdicts()) {
                out.println("    " + (v.holds() ? "[x] " : "[ ] ") + condition(v));
            }
        }
        out.println();
        out.println(m.get("scenario.score", report.score(), report.passed(), report.tasks().size()));
        out.println(m.get("scenario.took", clock(report.scenarioTime()), report.took().toMillis() / 1000.0));
    }

    private String condition(Verdict v) {
        Check c = v.check();
        if (c instanceof Check.Delivered d) {
            return d.sink() == null ? m.get("scenario.check.delivered", d.tag(), v.done(), v.of())
                    : m.get("scenario.check.deliveredTo", d.tag(), d.sink(), v.done(), v.of());
        }
        if (c instanceof Check.Rerouted r) {
            return m.get("scenario.check.rerouted", r.tag(), r.sink(), v.done(), v.of());
        }
        if (c instanceof Check.Discarded d) {
            return m.get("scenario.check.discarded", d.tag(), v.done(), v.of());
        }
        if (c instanceof Check.NoneLost n) {
            return m.get("scenario.check.noneLost", n.tag(), v.of() - v.done());
        }
        if (c instanceof Check.NoRefusals) {
            return m.get("scenario.check.noRefusals", v.done());
        }
        return m.get("scenario.check.recoveryRunning");
    }

    private String event(ScenarioEvent e) {
        if (e instanceof ScenarioEvent.Break b) {
            return m.get("scenario.event.break", b.sink());
        }
        if (e instanceof ScenarioEvent.Heal h) {
            return m.get("scenario.event.heal", h.sink());
        }
        if (e instanceof ScenarioEvent.FailureRate f) {
            return m.get("scenario.event.failureRate", f.sink(), f.rate());
        }
        if (e instanceof ScenarioEvent.Latency l) {
            return m.get("scenario.event.latency", l.sink(), l.latency().toMillis());
        }
        if (e instanceof ScenarioEvent.Burst b) {
            return m.get("scenario.event.burst", b.batches(), b.sink(), b.tag());
        }
        if (e instanceof ScenarioEvent.Poison p) {
            return m.get("scenario.event.poison", p.batches(), p.sink(), p.tag());
        }
        if (e instanceof ScenarioEvent.TtlWave w) {
            return m.get("scenario.event.ttlWave", w.batches(), w.sink(), w.tag(), clock(w.age()));
        }
        if (e instanceof ScenarioEvent.Fill f) {
            return m.get("scenario.event.fill", f.sink(), f.percent(), f.tag());
        }
        if (e instanceof ScenarioEvent.Crash) {
            return m.get("scenario.event.crash");
        }
        if (e instanceof ScenarioEvent.Cleanup) {
            return m.get("scenario.event.cleanup");
        }
        if (e instanceof ScenarioEvent.PauseRecovery) {
            return m.get("scenario.event.pauseRecovery");
        }
        return e.toString();
    }

    /** Scenario time as {@code m:ss} ({@code h:mm:ss} from an hour). */
    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
