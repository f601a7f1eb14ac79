package dev.batchyard.app.connections;

import dev.batchyard.app.shell.MainMenus;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What a main window shows and offers of the connection it is over: the header band, the File menu's
 * connection commands, the lock on changes (a prod connection's until unlocked), and what a
 * directory dropped on it does. {@link #NONE} for a window that is over no connection (a Go
 * directory's browsing copy, a training run).
 */
public interface WindowConnection {
    WindowConnection NONE = new WindowConnection() {
        @Override
        public Optional<Node> header() {
            return Optional.empty();
        }

        @Override
        public MainMenus.Files files(Stage stage) {
            return MainMenus.Files.none();
        }

        @Override
        public ObservableBooleanValue changesLocked() {
            return Bindings.createBooleanBinding(() -> false);
        }

        @Override
        public void acceptDrops(Stage stage, BiConsumer<Window, Path> browseGo, BiConsumer<Window, Path> browseDlq) {
        }
    };

    /** The band naming the connection, for the top of the window. */
    Optional<Node> header();

    /** The File menu's connection commands and submenus for the window in {@code stage}. */
    MainMenus.Files files(Stage stage);

    /** Whether changing actions are off in this window for now. */
    ObservableBooleanValue changesLocked();

    /** Makes a directory dropped on {@code stage}'s scene open: a store beside, a Go directory in its browser. */
    void acceptDrops(Stage stage, BiConsumer<Window, Path> browseGo, BiConsumer<Window, Path> browseDlq);
}
