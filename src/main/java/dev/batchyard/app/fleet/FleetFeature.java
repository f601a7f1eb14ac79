package dev.batchyard.app.fleet;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.common.ToolWindow;
import dev.batchyard.app.connections.ConnectionEndpoints;
import dev.batchyard.remote.RemoteConsole;
import java.net.URL;
import java.time.Clock;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * View › Fleet: a window listing every connection with its backlog and sinks, polled in the
 * background while it is open; its view model; and the command that opens it (Ctrl+Alt+F).
 */
public record FleetFeature(FleetViewModel model, FleetView view, ToolWindow window, Command open) {

    public static FleetFeature build(FleetSources sources, TaskExecutor tasks, Clock clock, Formats formats,
                                     URL stylesheet, Supplier<Window> owner) {
        // a remote probe's own HTTP timeouts end it about when the fleet gives up on it
        ConsoleProbe probe = new ConsoleProbe(sources.openHere(), c -> RemoteConsole.open(ConnectionEndpoints.of(c)
                .withTimeouts(FleetViewModel.PROBE_TIMEOUT, FleetViewModel.PROBE_TIMEOUT)));
        FleetViewModel model = new FleetViewModel(sources.connections(), probe, ProbeThreads.daemons(), sources.windows(),
                tasks, clock, FleetViewModel.POLL, FleetViewModel.PROBE_TIMEOUT, formats);
        FleetView view = new FleetView(model, formats);
        ToolWindow window = new ToolWindow(view, formats.messages().text("fleet.title"), stylesheet, model::open,
                model::hide);
        Command open = new Command("openFleet", formats.messages().text("command.openFleet"),
                MaterialDesignS.SERVER_NETWORK,
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN),
                Bindings.createBooleanBinding(() -> false), () -> window.show(owner.get()));
        return new FleetFeature(model, view, window, open);
    }
}
