package dev.batchyard.app.connections;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.shell.MainMenus;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * One main window's part in the connections: its header band (and, when the connections file was
 * set aside or cannot be written, a banner that says so), its File menu's connection part, its lock
 * on changes, and its drops.
 */
public final class ConnectionWindow implements WindowConnection {
    private final ConnectionHeaderViewModel header;
    private final SavedConnections saved;
    private final ConnectionMenus menus;
    private final StoreDrops drops;
    private final Messages messages;

    /**
     * The part of a window over {@code header}'s connection.
     *
     * @param windows where a connection, a store or a dropped store directory opens
     */
    public static ConnectionWindow of(ConnectionHeaderViewModel header, SavedConnections saved, ConnectionWindows windows,
                                      ConnectionEditor editor, TaskExecutor executor, Messages messages) {
        return new ConnectionWindow(header, saved, new ConnectionMenus(saved, windows, editor, messages),
                new StoreDrops(executor, messages, dir -> windows.open(StoreConnections.connectionFor(saved.book(), dir))),
                messages);
    }

    private ConnectionWindow(ConnectionHeaderViewModel header, SavedConnections saved, ConnectionMenus menus, StoreDrops drops,
                     Messages messages) {
        this.header = header;
        this.saved = saved;
        this.menus = menus;
        this.drops = drops;
        this.messages = messages;
    }

    ConnectionHeaderViewModel model() {
        return header;
    }

    @Override
    public Optional<Node> header() {
        Label problem = new Label("", new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        problem.setId("connectionsFileProblem");
        problem.getStyleClass().addAll("banner", "banner-warning");
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.createStringBinding(() -> saved.problemProperty().get().isEmpty() ? ""
                : messages.format("connection.fileProblem", saved.problemProperty().get()), saved.problemProperty()));
        problem.visibleProperty().bind(saved.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return Optional.of(new VBox(new ConnectionHeaderView(header, messages), problem));
    }

    @Override
    public MainMenus.Files files(Stage stage) {
        return menus.files(stage);
    }

    @Override
    public ObservableBooleanValue changesLocked() {
        return header.lockedProperty();
    }

    @Override
    public void acceptDrops(Stage stage, BiConsumer<Window, Path> browseGo, BiConsumer<Window, Path> browseDlq) {
        drops.attach(stage, browseGo, browseDlq);
    }
}
