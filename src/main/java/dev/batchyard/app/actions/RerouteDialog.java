package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Window;

/**
 * The sink chooser of a reroute: every known sink with a health dot; a sink that is not
 * configured is shown but cannot be chosen. The header states the exact count being rerouted.
 */
public final class RerouteDialog {
    private final Messages messages;
    private final ActionsViewModel model;

    public RerouteDialog(Messages messages, ActionsViewModel model) {
        this.messages = messages;
        this.model = model;
    }

    public Optional<BulkAction> choose(Window owner, ActionTarget target, List<SinkChoice> choices) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.text("action.reroute.title"));
        dialog.getDialogPane().setId("rerouteDialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ListView<SinkChoice> list = new ListView<>();
        list.setId("sinkChoices");
        list.getItems().setAll(choices);
        list.setPrefHeight(Math.min(320, 36 + choices.size() * 32));
        list.setPlaceholder(new Label(messages.text("action.reroute.noSinks")));
        list.setCellFactory(v -> new SinkCell());
        dialog.getDialogPane().headerTextProperty().bind(Bindings.createStringBinding(() -> {
            SinkChoice chosen = list.getSelectionModel().getSelectedItem();
            return chosen == null ? messages.text("action.reroute.pick")
                    : model.confirmation(new BulkAction.Reroute(chosen.name()), target);
        }, list.getSelectionModel().selectedItemProperty()));
        dialog.getDialogPane().setContent(new VBox(8, list));
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("confirmButton");
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            SinkChoice chosen = list.getSelectionModel().getSelectedItem();
            return chosen == null || !chosen.selectable();
        }, list.getSelectionModel().selectedItemProperty()));
        return dialog.showAndWait().filter(ButtonType.OK::equals)
                .map(b -> new BulkAction.Reroute(list.getSelectionModel().getSelectedItem().name()));
    }

    private final class SinkCell extends ListCell<SinkChoice> {
        @Override
        protected void updateItem(SinkChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(messages.format("action.reroute.choice", item.name(),
                    messages.text("sink.health." + item.health().name())));
            Circle dot = new Circle(5);
            dot.getStyleClass().addAll("health-dot", "health-" + item.health().name().toLowerCase(java.util.Locale.ROOT));
            setGraphic(dot);
            setDisable(!item.selectable());
        }
    }
}
