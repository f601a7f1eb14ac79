package dev.batchyard.app.cockpit;

import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.demo.DemoPanelViewModel;
import dev.batchyard.app.demo.SimulatedSinkViewModel;
import dev.batchyard.console.SinkView;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.events.BatchEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cockpit's sink tiles. While shown, reads the sink layer's counters and the store's batches
 * per sink once a second, off the UI thread; a rate is the change of a sink's delivered and failed
 * counters over the last {@link #RATE_WINDOW}. A breaker that opens or closes shows at the next
 * pulse, from its event. In demo mode the demo's simulated sinks come first, in the instructor
 * panel's order, each tile sharing that panel's break and heal switch, and the tile the
 * instructor's keys act on is marked. FX thread only.
 */
public final class SinkTilesViewModel {
    /** The rates are averaged over this much of the recent past: steady enough to read from across a room. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(5);

    private final Supplier<List<SinkView>> sinks;
    private final Supplier<StoreStats> stats;
    private final TaskExecutor executor;
    private final ObservableList<SinkTileViewModel> tiles = FXCollections.observableArrayList();
    private final Map<String, Deque<Counters>> history = new HashMap<>();
    private boolean shown;
    private boolean reading;

    /** What one second's reading found (off the UI thread). */
    record Reading(Instant at, List<SinkView> sinks, Map<String, Integer> waiting) {
    }

    private record Counters(Instant at, long delivered, long failed) {
    }

    /** @param demo the instructor panel's model in demo mode, else {@code null} */
    public SinkTilesViewModel(Supplier<List<SinkView>> sinks, Supplier<StoreStats> stats, TaskExecutor executor,
                              DemoPanelViewModel demo) {
        this.sinks = sinks;
        this.stats = stats;
        this.executor = executor;
        if (demo != null) {
            for (SimulatedSinkViewModel simulated : demo.sinks()) {
                tiles.add(new SinkTileViewModel(simulated.name(), simulated));
            }
            Runnable mark = () -> demo.pickedSink().ifPresent(p -> tiles.forEach(t -> t.setPicked(t.name().equals(p.name()))));
            demo.pickedProperty().addListener((o, was, now) -> mark.run());
            mark.run();
        }
    }

    /** The cockpit is on screen (read once a second) or not (read nothing). */
    public void setShown(boolean on) {
        shown = on;
    }

    /** Once a second: reads the sinks and the store, when shown and the last reading is in. */
    public void tick(Instant now) {
        if (!shown || reading) {
            return;
        }
        reading = true;
        executor.submit(() -> new Reading(now, sinks.get(), stats.get().bySink()), r -> {
            reading = false;
            apply(r);
        }, failure -> reading = false);   // the next second tries again; the tiles keep what they showed
    }

    void apply(Reading reading) {
        for (SinkView view : reading.sinks()) {
            SinkTileViewModel tile = tile(view.name());
            tile.setHealth(view.health());
            tile.setWaiting(reading.waiting().getOrDefault(view.name(), 0));
            Deque<Counters> past = history.computeIfAbsent(view.name(), n -> new ArrayDeque<>());
            if (!past.isEmpty() && (view.delivered() < past.peekLast().delivered() || view.failed() < past.peekLast().failed())) {
                past.clear();   // the counters started again: the engine was opened again
            }
            past.addLast(new Counters(reading.at(), view.delivered(), view.failed()));
            while (past.size() > 2 && past.peekFirst().at().isBefore(reading.at().minus(RATE_WINDOW))) {
                past.removeFirst();
            }
            double seconds = Duration.between(past.peekFirst().at(), reading.at()).toMillis() / 1000.0;
            if (seconds > 0) {
                tile.setRates((view.delivered() - past.peekFirst().delivered()) / seconds,
                        (view.failed() - past.peekFirst().failed()) / seconds);
            }
        }
    }

    /** A breaker that changes shows at once; the rest waits for the next reading. */
    public void onEvents(List<BatchEvent> events) {
        for (BatchEvent event : events) {
            if (event instanceof BatchEvent.SinkHealthChanged changed) {
                tile(changed.sink()).setHealth(changed.health());
            }
        }
    }

    private SinkTileViewModel tile(String name) {
        for (SinkTileViewModel tile : tiles) {
            if (tile.name().equals(name)) {
                return tile;
            }
        }
        SinkTileViewModel added = new SinkTileViewModel(name, null);
        tiles.add(added);
        return added;
    }

    /** The tiles, the demo's simulated sinks first, then every other sink in the order first seen. */
    public ObservableList<SinkTileViewModel> tiles() {
        return tiles;
    }
}
