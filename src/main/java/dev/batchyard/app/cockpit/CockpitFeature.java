package dev.batchyard.app.cockpit;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.demo.DemoPanelViewModel;
import dev.batchyard.console.Console;
import dev.batchyard.engine.StoreStats;
import java.util.function.Supplier;

/** The cockpit's head (the instructor's bar in demo mode, the sink tiles) and the tiles' view model. */
public record CockpitFeature(CockpitView view, SinkTilesViewModel tiles) {

    /**
     * @param stats the store's counts (the console's, maybe shared with the window's other pollers)
     * @param demo  the instructor panel's model in demo mode, else {@code null}
     */
    public static CockpitFeature build(Console console, Supplier<StoreStats> stats, TaskExecutor executor,
                                       DemoPanelViewModel demo, Messages messages) {
        SinkTilesViewModel tiles = new SinkTilesViewModel(console::sinks, stats, executor, demo);
        return new CockpitFeature(new CockpitView(tiles, demo, messages), tiles);
    }
}
