package dev.batchyard.app.search;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.common.ToolWindow;
import dev.batchyard.console.Console;
import java.net.URL;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * View › Search entries (Ctrl+Shift+S): a window that searches inside every stored batch's entries
 * through the console, its view model, and the command that opens it. A search still running when
 * the window closes is stopped.
 */
public record SearchFeature(SearchViewModel model, SearchView view, ToolWindow window, Command open) {

    /**
     * @param openAt shows a batch at one of its entries in the main window
     * @param select selects batches in the main window's table
     */
    public static SearchFeature build(Console console, TaskExecutor executor, Formats formats, URL stylesheet,
                                      Supplier<Window> owner, BiConsumer<String, Integer> openAt,
                                      Consumer<Set<String>> select) {
        SearchViewModel model = new SearchViewModel(console::search, executor, formats.messages().engineTexts());
        SearchView view = new SearchView(model, formats, openAt, select);
        ToolWindow window = new ToolWindow(view, formats.messages().format("search.title", console.info().location()),
                stylesheet, () -> { }, model::cancel);
        Command open = new Command("openSearch", formats.messages().text("command.openSearch"),
                MaterialDesignT.TEXT_SEARCH,
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                Bindings.createBooleanBinding(() -> false), () -> window.show(owner.get()));
        return new SearchFeature(model, view, window, open);
    }
}
