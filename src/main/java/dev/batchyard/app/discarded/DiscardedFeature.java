package dev.batchyard.app.discarded;

import dev.batchyard.app.actions.ActionsViewModel;
import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.common.ToolWindow;
import dev.batchyard.console.Console;
import java.net.URL;
import java.time.Clock;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * View › Recently discarded: a window listing the discarded batches a restore can still take back,
 * its view model over the console, and the command that opens it (Ctrl+Shift+U).
 */
public record DiscardedFeature(DiscardedViewModel model, DiscardedView view, ToolWindow window, Command open) {

    public static DiscardedFeature build(Console console, ActionsViewModel actions, TaskExecutor executor, Clock clock,
                                         Formats formats, URL stylesheet, Supplier<Window> owner) {
        DiscardedViewModel model = new DiscardedViewModel(console::recentlyDiscarded, actions::restore, executor,
                clock.instant(), console.info().writable(), formats.messages().engineTexts());
        model.followReadOnly(actions.readOnlyProperty());
        DiscardedView view = new DiscardedView(model, formats, actions.outcomeProperty());
        ToolWindow window = new ToolWindow(view, formats.messages().format("discarded.title", console.info().location()),
                stylesheet, model::open, model::close);
        Command open = new Command("openDiscarded", formats.messages().text("command.openDiscarded"),
                MaterialDesignD.DELETE_RESTORE,
                new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                Bindings.createBooleanBinding(() -> false), () -> window.show(owner.get()));
        return new DiscardedFeature(model, view, window, open);
    }
}
