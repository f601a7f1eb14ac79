package dev.batchyard.app.cockpit;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.demo.DemoPanelViewModel;
import dev.batchyard.console.Console;

/** The cockpit's head (the instructor's bar in demo mode, the sink tiles) and the tiles' view model. */
public record CockpitFeature(CockpitView view, SinkTilesViewModel tiles) {

    /** @param demo the instructor panel's model in demo mode, else {@code null} */
    public static CockpitFeature build(Console console, TaskExecutor executor, DemoPanelViewModel demo,
                                       Messages messages) {
        SinkTilesViewModel tiles = new SinkTilesViewModel(console::sinks, console::stats, executor, demo);
        return new CockpitFeature(new CockpitView(tiles, demo, messages), tiles);
    }
}
