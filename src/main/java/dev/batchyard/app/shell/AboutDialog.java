package dev.batchyard.app.shell;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.AppIcons;
import javafx.scene.control.Alert;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help ▸ About: the version and the store this window works on. */
public final class AboutDialog {
    private final Messages messages;
    private final String version;
    private final String store;

    /** @param store where the store is, as the console says ({@code StoreInfo.location}) */
    public AboutDialog(Messages messages, String version, String store) {
        this.messages = messages;
        this.version = version;
        this.store = store;
    }

    public void show(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(messages.text("about.title"));
        alert.setHeaderText(messages.format("about.header", version));
        alert.setContentText(messages.format("about.body", store,
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version", messages.text("value.none"))));
        alert.getDialogPane().setId("aboutDialog");
        alert.setGraphic(new ImageView(AppIcons.ofSize(64)));
        ((Stage) alert.getDialogPane().getScene().getWindow()).getIcons().setAll(AppIcons.all());
        alert.showAndWait();
    }
}
