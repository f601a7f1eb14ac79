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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Window;

/**
 * The sink chooser of a reroute: every known sink with a health dot; a sink that is not
 * configured is shown but cannot be chosen. The header states the exact count being rerouted and
 * the dry run under the list what it would move, counted by the console after the dialog opens.
 * A reroute of a backlog can be paced (a throttled replay). Wide enough for a sink's name and its health at 1280x800 in every language; a longer name wraps
 * rather than scrolling the list sideways.
 */
public final class RerouteDialog {
    private static final double CELL_PADDING = 48;
    /** A one-line cell with its padding, as the theme draws it; the list shows every sink up to the cap. */
    private static final double CELL_HEIGHT = 40;
    private static final double LIST_INSETS = 6;
    private static final double MAX_LIST_HEIGHT = 330;

    private final Messages messages;
    private final ActionsViewModel model;

    public RerouteDialog(Messages messages, ActionsViewModel model) {
        this.messages = messages;
        this.model = model;
    }

    public Optional<Confirmed> choose(Window owner, ActionTarget target, List<SinkChoice> choices) {
        RerouteViewModel reroute = new RerouteViewModel(model, messages, target, choices);
        Dialog<ButtonType> dialog = SinkDialogs.dialog(owner, messages.text("action.reroute.title"), "rerouteDialog");
        dialog.getDialogPane().headerTextProperty().bind(reroute.questionProperty());

        ListView<SinkChoice> list = new ListView<>();
        list.setId("sinkChoices");
        list.getItems().setAll(reroute.choices());
        list.setPrefHeight(Math.min(MAX_LIST_HEIGHT, LIST_INSETS + choices.size() * CELL_HEIGHT));
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.setPlaceholder(new Label(messages.text("action.reroute.noSinks")));
        list.setCellFactory(v -> new SinkCell(list));
        reroute.chosenProperty().bind(list.getSelectionModel().selectedItemProperty());
        Label dryRun = SinkDialogs.dryRun("rerouteDryRun", reroute.dryRunProperty());
        PaceControl pace = new PaceControl(messages);
        dialog.getDialogPane().setContent(new VBox(8, list, dryRun, pace));
        SinkDialogs.growsWith(dialog, dryRun.textProperty()); // the dry run comes after, a line per sink

        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("confirmButton");
        ok.disableProperty().bind(reroute.cannotConfirmProperty());
        reroute.count();
        return dialog.showAndWait().filter(ButtonType.OK::equals)
                .map(b -> new Confirmed(reroute.action(), target, pace.rate()));
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
            setText(SinkDialogs.choice(messages, item));
            Circle dot = new Circle(5);
            dot.getStyleClass().addAll("health-dot", "health-" + item.health().name().toLowerCase(Locale.ROOT));
            setGraphic(dot);
            setDisable(!item.selectable());
        }
    }
}
