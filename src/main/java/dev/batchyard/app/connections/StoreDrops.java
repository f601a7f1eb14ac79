package dev.batchyard.app.connections;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Directories dropped on a window: a store opens in a window beside, a Go agent's directory in the
 * Go browser, a Go dead-letter directory in the dead-letter browser; anything else is said to be
 * none of these. What a directory holds is read in the background.
 */
final class StoreDrops {
    private final TaskExecutor executor;
    private final Messages messages;
    private final Consumer<Path> openStore;

    StoreDrops(TaskExecutor executor, Messages messages, Consumer<Path> openStore) {
        this.executor = executor;
        this.messages = messages;
        this.openStore = openStore;
    }

    void attach(Stage stage, BiConsumer<Window, Path> browseGo, BiConsumer<Window, Path> browseDlq) {
        Scene scene = stage.getScene();
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                e.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            if (!e.getDragboard().hasFiles()) {
                return;
            }
            List<Path> dropped = e.getDragboard().getFiles().stream().map(File::toPath).map(Path::toAbsolutePath).toList();
            e.setDropCompleted(true);
            e.consume();
            dropped.forEach(dir -> dropped(stage, dir, browseGo, browseDlq));
        });
    }

    /** Sends {@code dir} where it belongs, once the disk has said what it holds. */
    void dropped(Stage stage, Path dir, BiConsumer<Window, Path> browseGo, BiConsumer<Window, Path> browseDlq) {
        executor.submit(() -> StoreDirectories.classify(dir), kind -> {
            switch (kind) {
                case STORE -> openStore.accept(dir);
                case GO_AGENT -> browseGo.accept(stage, dir);
                case GO_DLQ -> browseDlq.accept(stage, dir);
                case OTHER -> notOne(stage, dir);
            }
        }, failure -> notOne(stage, dir));
    }

    private void notOne(Stage stage, Path dir) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, messages.format("drop.unknown.body", dir.toString()));
        alert.initOwner(stage);
        alert.setTitle(messages.text("drop.unknown.title"));
        alert.setHeaderText(messages.text("drop.unknown.title"));
        alert.show();
    }
}
