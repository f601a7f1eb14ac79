package dev.batchyard.app.training;

import dev.batchyard.app.common.Messages;
import dev.batchyard.training.run.Verdict;
import dev.batchyard.training.scenario.Check;
import dev.batchyard.training.scenario.ScenarioEvent;

/** A scenario's events and conditions in the window's words (the CLI's debrief words them the same way in its own bundle). */
final class DebriefWords {
    private final Messages m;

    DebriefWords(Messages m) {
        this.m = m;
    }

    String condition(Verdict v) {
        Check c = v.check();
        if (c instanceof Check.Delivered d) {
            return d.sink() == null ? m.format("debrief.check.delivered", d.tag(), v.done(), v.of())
                    : m.format("debrief.check.deliveredTo", d.tag(), d.sink(), v.done(), v.of());
        }
        if (c instanceof Check.Rerouted r) {
            return m.format("debrief.check.rerouted", r.tag(), r.sink(), v.done(), v.of());
        }
        if (c instanceof Check.Discarded d) {
            return m.format("debrief.check.discarded", d.tag(), v.done(), v.of());
        }
        if (c instanceof Check.NoneLost n) {
            return m.format("debrief.check.noneLost", n.tag(), v.of() - v.done());
        }
        if (c instanceof Check.NoRefusals) {
            return m.format("debrief.check.noRefusals", v.done());
        }
        return m.text("debrief.check.recoveryRunning");
    }

    String event(ScenarioEvent e) {
        if (e instanceof ScenarioEvent.Break b) {
            return m.format("debrief.event.break", b.sink());
        }
        if (e instanceof ScenarioEvent.Heal h) {
            return m.format("debrief.event.heal", h.sink());
        }
        if (e instanceof ScenarioEvent.FailureRate f) {
            return m.format("debrief.event.failureRate", f.sink(), f.rate());
        }
        if (e instanceof ScenarioEvent.Latency l) {
            return m.format("debrief.event.latency", l.sink(), l.latency().toMillis());
        }
        if (e instanceof ScenarioEvent.Burst b) {
            return m.format("debrief.event.burst", b.batches(), b.sink(), b.tag());
        }
        if (e instanceof ScenarioEvent.Poison p) {
            return m.format("debrief.event.poison", p.batches(), p.sink(), p.tag());
        }
        if (e instanceof ScenarioEvent.TtlWave w) {
            return m.format("debrief.event.ttlWave", w.batches(), w.sink(), w.tag(), ScenarioTime.format(w.age()));
        }
        if (e instanceof ScenarioEvent.Fill f) {
            return m.format("debrief.event.fill", f.sink(), f.percent(), f.tag());
        }
        if (e instanceof ScenarioEvent.Crash) {
            return m.text("debrief.event.crash");
        }
        if (e instanceof ScenarioEvent.Cleanup) {
            return m.text("debrief.event.cleanup");
        }
        if (e instanceof ScenarioEvent.PauseRecovery) {
            return m.text("debrief.event.pauseRecovery");
        }
        return e.toString();
    }
}
