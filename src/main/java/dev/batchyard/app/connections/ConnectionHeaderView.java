package dev.batchyard.app.connections;

import dev.batchyard.app.common.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The band across the top of a window naming its connection: the environment's badge, the name,
 * where it reaches, and, while changes are locked, the lock and "Unlock changes" (which asks first).
 */
public final class ConnectionHeaderView extends HBox {

    public ConnectionHeaderView(ConnectionHeaderViewModel model, Messages messages) {
        setId("connectionHeader");
        getStyleClass().addAll("connection-header", model.styleClass());
        Label badge = new Label(model.environmentText());
        badge.setId("connectionEnvironment");
        badge.getStyleClass().add("connection-badge");
        Label name = new Label(model.name());
        name.setId("connectionName");
        name.getStyleClass().add("connection-name");
        Label where = new Label(model.where());
        where.setId("connectionWhere");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label lock = new Label(messages.text("connection.locked"), new FontIcon(MaterialDesignL.LOCK));
        lock.setId("connectionLock");
        lock.getStyleClass().add("connection-lock");
        Button unlock = new Button(messages.text("connection.unlock"), new FontIcon(MaterialDesignL.LOCK_OPEN_VARIANT));
        unlock.setId("unlockChanges");
        unlock.setOnAction(e -> {
            if (confirmUnlock(model, messages)) {
                model.unlock();
            }
        });
        for (var node : new javafx.scene.Node[] {lock, unlock}) {
            node.visibleProperty().bind(model.lockedProperty());
            node.managedProperty().bind(model.lockedProperty());
        }
        getChildren().addAll(badge, name, where, spacer, lock, unlock);
    }

    private boolean confirmUnlock(ConnectionHeaderViewModel model, Messages messages) {
        ButtonType yes = new ButtonType(messages.text("connection.unlock.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.format("connection.unlock.body", model.name()),
                yes, ButtonType.CANCEL);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.setTitle(messages.text("connection.unlock"));
        alert.setHeaderText(messages.format("connection.unlock.header", model.name(), model.environmentText()));
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
