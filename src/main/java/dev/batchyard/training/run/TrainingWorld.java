package dev.batchyard.training.run;

import dev.batchyard.console.Console;
import dev.batchyard.demo.TrafficGenerator;
import dev.batchyard.demo.TrafficStats;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.SimulatedSinks;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.training.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The trainee's world for one scenario run: a store opened in demo mode on the scenario's clock
 * with the demo's simulated sinks, a console for the scenario's own doings (actor
 * {@value #SCENARIO_ACTOR}) and one for the trainee, the background traffic, the batches each
 * event tagged, and the ledger of what became of them. A crash closes the store without a
 * checkpoint and opens it again (a replay), with the sinks' switches set again. Thread-safe: the
 * run's thread changes it, a window may read it.
 */
public final class TrainingWorld implements AutoCloseable {
    public static final String SCENARIO_ACTOR = "scenario";
    private final StoreOpener opener;
    private final StoreLocation location;
    private final Actor trainee;
    private final ScenarioClock clock;
    private final SinkSwitches switches = new SinkSwitches();
    private final StoreLedger ledger = new StoreLedger();
    private final Map<String, List<String>> tags = new ConcurrentHashMap<>();
    private final List<Runnable> restartListeners = new CopyOnWriteArrayList<>();
    private final TrafficGenerator traffic;
    private volatile OpenStore store;
    private volatile Console scenarioConsole;
    private volatile Console traineeConsole;

    private TrainingWorld(Scenario scenario, Path directory, Actor trainee, ScenarioClock clock, long seed) {
        this.clock = clock;
        this.trainee = trainee;
        this.location = StoreLocation.of(directory);
        // the recovery loop looks for due batches in real time: a faster clock wants a shorter tick
        Duration tick = Duration.ofMillis(Math.max(20, Math.round(250 / clock.speed())));
        this.opener = new StoreOpener(clock, new TrainingStoreSetup(scenario.store(), clock, seed),
                EngineOptions.defaults().withRecoveryTick(tick));
        open();
        Scenario.Traffic t = scenario.traffic();
        this.traffic = t == null ? null : new TrafficGenerator(b -> scenarioConsole.persist(b), t.sinks(),
                Math.min(TrafficGenerator.MAX_RATE, t.perSecond() * clock.speed()), t.entries(), clock, seed);
    }

    /**
     * Opens the world on {@code directory} (created when missing) and starts its traffic.
     *
     * @param trainee who the trainee acts as (the audit trail's actor the checks look for)
     */
    public static TrainingWorld open(Scenario scenario, Path directory, Actor trainee, ScenarioClock clock, long seed) {
        if (trainee.name().equals(SCENARIO_ACTOR)) {
            throw new IllegalArgumentException("the trainee cannot act as '" + SCENARIO_ACTOR + "', the scenario's own actor");
        }
        TrainingWorld world = new TrainingWorld(scenario, directory, trainee, clock, seed);
        if (world.traffic != null) {
            world.traffic.start();
        }
        return world;
    }

    private void open() {
        OpenStore opened = opener.open(location, Mode.demo());
        store = opened;
        scenarioConsole = opened.console(new Actor(SCENARIO_ACTOR));
        traineeConsole = opened.console(trainee);
        ledger.follow(scenarioConsole);
        opened.simulatedSinks().ifPresent(switches::applyTo);
    }

    /** The engine dies and comes back: closed without a checkpoint, then opened again by replaying its log. */
    void crashAndRestart() {
        ledger.drain();
        OpenStore dying = store;
        traineeConsole.close();
        scenarioConsole.close();
        dying.closeWithoutCheckpoint();
        open();
        restartListeners.forEach(Runnable::run);
    }

    /**
     * {@code listener} runs on the run's thread each time the engine came back from a crash, once the
     * new store is open and {@link #trainee()} gives its console (a window follows it).
     */
    public void onRestart(Runnable listener) {
        restartListeners.add(listener);
    }

    /** The scenario's own console: events act through it. Changes after a crash: ask again each time. */
    Console scenarioConsole() {
        return scenarioConsole;
    }

    /** The trainee's console (the solver acts through it too). Changes after a crash: ask again each time. */
    public Console trainee() {
        return traineeConsole;
    }

    public Actor traineeActor() {
        return trainee;
    }

    public ScenarioClock clock() {
        return clock;
    }

    SimulatedSinks sinks() {
        return store.simulatedSinks().orElseThrow(() -> new IllegalStateException("a training store has simulated sinks"));
    }

    SinkSwitches switches() {
        return switches;
    }

    StoreLedger ledger() {
        return ledger;
    }

    void tag(String tag, String id) {
        tags.computeIfAbsent(tag, t -> new CopyOnWriteArrayList<>()).add(id);
    }

    /** The ids of the batches an event made under {@code tag}, in the order made. */
    List<String> tagged(String tag) {
        return List.copyOf(tags.getOrDefault(tag, List.of()));
    }

    /** What the background traffic did; all zero when the scenario has none. */
    TrafficStats traffic() {
        return traffic == null ? new TrafficStats(false, 0, 0, 0, 0, 0, "") : traffic.stats();
    }

    @Override
    public void close() {
        if (traffic != null) {
            traffic.close();
        }
        ledger.close();
        store.close();
    }
}
