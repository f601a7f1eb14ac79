package dev.batchyard.training.run;

import dev.batchyard.demo.DemoEntries;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.model.LogEntry;
import dev.batchyard.sink.simulated.SimulatedSink;
import dev.batchyard.training.scenario.ScenarioEvent;
import dev.batchyard.training.scenario.TimedEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes a scenario's events happen in its {@link TrainingWorld}: sinks switched through the demo's
 * controls, batches persisted through the scenario's console (and tagged), the crash, the cleanup
 * pass, the pause. A flap is spread into its breaks and heals before the run starts.
 */
final class TimelineEvents {
    /** About 64 KiB of demo entries: what a fill event persists at a time. */
    private static final int FILL_ENTRIES = 100;
    private final TrainingWorld world;
    private final DemoEntries entries;

    TimelineEvents(TrainingWorld world, long seed) {
        this.world = world;
        this.entries = new DemoEntries(new Random(seed), world.clock());
    }

    /** The timeline with each flap replaced by its breaks and heals, in time order. */
    static List<TimedEvent> spread(List<TimedEvent> timeline) {
        List<TimedEvent> out = new ArrayList<>();
        for (TimedEvent t : timeline) {
            if (t.event() instanceof ScenarioEvent.Flap flap) {
                for (int i = 0; i < flap.times(); i++) {
                    out.add(new TimedEvent(t.at().plus(flap.period().multipliedBy(2L * i)), new ScenarioEvent.Break(flap.sink())));
                    out.add(new TimedEvent(t.at().plus(flap.period().multipliedBy(2L * i + 1)), new ScenarioEvent.Heal(flap.sink())));
                }
            } else {
                out.add(t);
            }
        }
        out.sort(java.util.Comparator.comparing(TimedEvent::at));
        return out;
    }

    void apply(ScenarioEvent event) {
        if (event instanceof ScenarioEvent.Break b) {
            world.switches().setOutage(world.sinks(), b.sink(), true);
        } else if (event instanceof ScenarioEvent.Heal h) {
            world.switches().setOutage(world.sinks(), h.sink(), false);
        } else if (event instanceof ScenarioEvent.FailureRate f) {
            world.switches().setFailureRate(world.sinks(), f.sink(), f.rate());
        } else if (event instanceof ScenarioEvent.Latency l) {
            world.switches().setLatency(world.sinks(), l.sink(), l.latency());
        } else if (event instanceof ScenarioEvent.Burst b) {
            for (int i = 0; i < b.batches(); i++) {
                persist(b.tag(), i, b.sink(), demoEntries(b.entries(), false), null);
            }
        } else if (event instanceof ScenarioEvent.Poison p) {
            for (int i = 0; i < p.batches(); i++) {
                persist(p.tag(), i, p.sink(), demoEntries(5, true), null);
            }
        } else if (event instanceof ScenarioEvent.TtlWave w) {
            OffsetDateTime created = OffsetDateTime.ofInstant(world.clock().instant().minus(w.age()), ZoneOffset.UTC);
            for (int i = 0; i < w.batches(); i++) {
                persist(w.tag(), i, w.sink(), demoEntries(10, false), created);
            }
        } else if (event instanceof ScenarioEvent.Fill f) {
            fill(f);
        } else if (event instanceof ScenarioEvent.Crash) {
            world.crashAndRestart();
        } else if (event instanceof ScenarioEvent.Cleanup) {
            world.scenarioConsole().runCleanupNow();
        } else if (event instanceof ScenarioEvent.PauseRecovery) {
            world.scenarioConsole().setRecoveryPaused(true);
        } else if (event instanceof ScenarioEvent.Flap) {
            throw new IllegalStateException("a flap is spread into breaks and heals before the run");
        }
    }

    private void fill(ScenarioEvent.Fill f) {
        long cap = world.scenarioConsole().info().settings().maxPendingBytes();
        long target = cap / 100 * f.percent();
        try {
            for (int i = 0; world.scenarioConsole().stats().liveBytes() < target; i++) {
                persist(f.tag(), i, f.sink(), demoEntries(FILL_ENTRIES, false), null);
            }
        } catch (BackPressureException full) {
            // another cap (max_pending_batches) was reached first: the store is as full as it gets
        }
    }

    private void persist(String tag, int index, String sink, List<LogEntry> list, OffsetDateTime createdAt) {
        String id = tag + "-" + String.format("%04d", index);
        Map<String, String> context = Map.of("created_by", "training scenario", "tag", tag);
        world.scenarioConsole().persist(new NewBatch(id, list, sink, createdAt, null, 0, "", context));
        world.tag(tag, id);
    }

    private List<LogEntry> demoEntries(int n, boolean poisoned) {
        List<LogEntry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(entries.next());
        }
        if (poisoned) {
            LogEntry last = list.get(n - 1);
            Map<String, String> labels = new HashMap<>(last.labels() == null ? Map.of() : last.labels());
            labels.put(SimulatedSink.POISON_LABEL, "true");
            list.set(n - 1, last.toBuilder().labels(labels).build());
        }
        return list;
    }
}
