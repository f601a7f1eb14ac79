package dev.batchyard.app.detail;

import dev.batchyard.app.common.Messages;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The shown batch as the Go agent's JSON file, read-only and selectable. */
final class JsonView extends VBox {

    JsonView(BatchDetailViewModel model, Messages messages) {
        TextArea text = new TextArea();
        text.setId("batchJson");
        text.getStyleClass().add("json");
        text.setEditable(false);
        text.setPromptText(messages.text("detail.json.none"));
        text.textProperty().bind(model.rawJsonProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        getChildren().add(text);
    }
}
