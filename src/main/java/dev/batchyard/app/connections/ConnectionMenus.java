package dev.batchyard.app.connections;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.shell.MainMenus;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.ConnectionBook;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The File menu's connection part for one window: New connection… (Ctrl+N), Open store… (Ctrl+O),
 * and the submenus Open connection ▸, Open recent ▸, Edit connection ▸ and Remove connection ▸,
 * which follow the saved connections as they change (until the window closes).
 */
final class ConnectionMenus {
    static final KeyCombination NEW_CONNECTION = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN_STORE = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);

    private final SavedConnections saved;
    private final ConnectionWindows windows;
    private final ConnectionEditor editor;
    private final Messages messages;

    ConnectionMenus(SavedConnections saved, ConnectionWindows windows, ConnectionEditor editor, Messages messages) {
        this.saved = saved;
        this.windows = windows;
        this.editor = editor;
        this.messages = messages;
    }

    MainMenus.Files files(Stage stage) {
        ObservableBooleanValue never = Bindings.createBooleanBinding(() -> false);
        Command newConnection = new Command("newConnection", messages.text("command.newConnection"),
                MaterialDesignD.DATABASE_PLUS, NEW_CONNECTION, never, () -> editor.edit(stage, null));
        Command openStore = new Command("openStore", messages.text("command.openStore"), MaterialDesignF.FOLDER_OPEN,
                OPEN_STORE, never, () -> chooseStore(stage));
        Menu open = submenu("openConnectionMenu", "command.openConnection");
        Menu recent = submenu("openRecentMenu", "command.openRecent");
        Menu edit = submenu("editConnectionMenu", "command.editConnection");
        Menu remove = submenu("removeConnectionMenu", "command.removeConnection");
        ChangeListener<ConnectionBook> fill = (o, was, book) -> {
            fill(open, book.connections(), c -> c.name(), windows::open);
            fill(recent, book.recentStores(), Path::toString, this::openStore);
            fill(edit, book.connections(), c -> c.name(), c -> editor.edit(stage, c.name()));
            fill(remove, book.connections(), c -> c.name(), c -> remove(stage, c));
        };
        fill.changed(saved.bookProperty(), null, saved.book());
        saved.bookProperty().addListener(fill);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> saved.bookProperty().removeListener(fill));
        return new MainMenus.Files(List.of(newConnection, openStore), List.of(open, recent, edit, remove));
    }

    private Menu submenu(String id, String key) {
        Menu menu = new Menu(messages.text(key));
        menu.setId(id);
        return menu;
    }

    private <T> void fill(Menu menu, List<T> items, java.util.function.Function<T, String> text, Consumer<T> action) {
        menu.getItems().clear();
        if (items.isEmpty()) {
            MenuItem none = new MenuItem(messages.text("connection.none"));
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            MenuItem entry = new MenuItem(text.apply(item));
            entry.setMnemonicParsing(false);  // a name's underscore is a character, not a key
            entry.setId(menu.getId() + "Item" + i);
            entry.setOnAction(e -> action.accept(item));
            menu.getItems().add(entry);
        }
    }

    private void chooseStore(Stage stage) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.text("command.openStore"));
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            openStore(dir.toPath().toAbsolutePath());
        }
    }

    private void openStore(Path dir) {
        windows.open(StoreConnections.connectionFor(saved.book(), dir));
    }

    private void remove(Stage stage, Connection connection) {
        ButtonType yes = new ButtonType(messages.text("connection.remove.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.format("connection.remove.body", saved.path().toString()),
                yes, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle(messages.text("command.removeConnection"));
        alert.setHeaderText(messages.format("connection.remove.header", connection.name()));
        if (alert.showAndWait().filter(yes::equals).isPresent()) {
            saved.remove(connection.name());
        }
    }
}
