package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * configured is shown but cannot be chosen. The header states the exact count being rerouted and
 * the dry run under the list what it would move, counted by the console after the dialog opens.
 * Wide enough for a sink's name and its health at 1280x800 in every language; a longer name wraps
 * rather than scrolling the list sideways.
 */
public final class RerouteDialog {
    /** Room for "elasticsearch-archive — holding batches back" and the dry run's sink lines. */
    static final double WIDTH = 640;
    private static final double CELL_PADDING = 48;

    private final Messages messages;
    private final ActionsViewModel model;

    public RerouteDialog(Messages messages, ActionsViewModel model) {
        this.messages = messages;
        this.model = model;
    }

    public Optional<BulkAction> choose(Window owner, ActionTarget target, List<SinkChoice> choices) {
        RerouteViewModel reroute = new RerouteViewModel(model, messages, target, choices);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.text("action.reroute.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("rerouteDialog");
        dialog.getDialogPane().setPrefWidth(WIDTH);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().headerTextProperty().bind(reroute.questionProperty());

        ListView<SinkChoice> list = new ListView<>();
        list.setId("sinkChoices");
        list.getItems().setAll(reroute.choices());
        list.setPrefHeight(Math.min(320, 36 + choices.size() * 32));
        list.setPlaceholder(new Label(messages.text("action.reroute.noSinks")));
        list.setCellFactory(v -> new SinkCell(list));
        reroute.chosenProperty().bind(list.getSelectionModel().selectedItemProperty());
        Label dryRun = new Label();
        dryRun.setId("rerouteDryRun");
        dryRun.setWrapText(true);
        dryRun.getStyleClass().add("dry-run");
        dryRun.textProperty().bind(reroute.dryRunProperty());
        dialog.getDialogPane().setContent(new VBox(8, list, dryRun));

        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("confirmButton");
        ok.disableProperty().bind(reroute.cannotConfirmProperty());
        reroute.count();
        return dialog.showAndWait().filter(ButtonType.OK::equals).map(b -> reroute.action());
    }

    private final class SinkCell extends ListCell<SinkChoice> {
        SinkCell(ListView<SinkChoice> list) {
            setWrapText(true);
            // as wide as the list, never wider: a long name wraps instead of scrolling the list sideways
            prefWidthProperty().bind(list.widthProperty().subtract(CELL_PADDING));
        }

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
            dot.getStyleClass().addAll("health-dot", "health-" + item.health().name().toLowerCase(Locale.ROOT));
            setGraphic(dot);
            setDisable(!item.selectable());
        }
    }
}
