package dev.batchyard.app.help;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import javafx.stage.Window;

/**
 * Help ▸ Open log folder: shows the folder of the window's log file in the file manager, off the FX
 * thread. Where none opens it (no desktop, no {@code xdg-open}), a dialog says so and gives the
 * folder's path to copy.
 */
public final class LogFolder {
    private final Path folder;
    private final FileManager files;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Supplier<Window> owner;

    public LogFolder(Path folder, FileManager files, TaskExecutor tasks, Messages messages, Supplier<Window> owner) {
        this.folder = folder;
        this.files = files;
        this.tasks = tasks;
        this.messages = messages;
        this.owner = owner;
    }

    public void open() {
        tasks.submit(() -> {
            files.open(folder);
            return folder;
        }, opened -> { }, this::notOpened);
    }

    private void notOpened(Throwable failure) {
        Label why = new Label(messages.format("logFolder.why", failure.getMessage()));
        why.setWrapText(true);
        TextField path = new TextField(folder.toString());
        path.setEditable(false);
        path.setId("logFolderPath");
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner.get());
        alert.setTitle(messages.text("logFolder.title"));
        alert.setHeaderText(messages.text("logFolder.notOpened"));
        alert.getDialogPane().setContent(new VBox(8, why, path));
        alert.getDialogPane().setId("logFolderDialog");
        alert.show();
    }
}
