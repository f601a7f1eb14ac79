package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Requeues dead batches with a fresh retry budget: to each one's own sink or to another, with the
 * dry run (counted after the dialog opens), the loop guard's question when looping batches are among
 * them (left out unless ticked in), and the pace option. As wide as the reroute dialog.
 */
public final class RequeueDialog {
    private final Messages messages;
    private final ActionsViewModel model;

    public RequeueDialog(Messages messages, ActionsViewModel model) {
        this.messages = messages;
        this.model = model;
    }

    public Optional<Confirmed> choose(Window owner, ActionTarget target, List<SinkChoice> choices) {
        RequeueViewModel requeue = new RequeueViewModel(model, messages, target, choices);
        Dialog<ButtonType> dialog = SinkDialogs.dialog(owner, messages.text("action.requeue.title"), "requeueDialog");
        dialog.getDialogPane().headerTextProperty().bind(requeue.questionProperty());

        ToggleGroup where = new ToggleGroup();
        RadioButton own = new RadioButton(messages.text("action.requeue.ownSink"));
        own.setId("requeueOwnSink");
        own.setToggleGroup(where);
        own.setSelected(true);
        RadioButton other = new RadioButton(messages.text("action.requeue.otherSink"));
        other.setId("requeueOtherSink");
        other.setToggleGroup(where);
        other.setMinWidth(Region.USE_PREF_SIZE);
        requeue.ownSinkProperty().bind(own.selectedProperty());
        ComboBox<SinkChoice> sinks = new ComboBox<>();
        sinks.setId("requeueSink");
        sinks.getItems().setAll(requeue.choices());
        sinks.setCellFactory(v -> new SinkCell());
        sinks.setButtonCell(new SinkCell());
        sinks.disableProperty().bind(own.selectedProperty());
        sinks.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(sinks, javafx.scene.layout.Priority.ALWAYS);
        requeue.chosenProperty().bind(sinks.getSelectionModel().selectedItemProperty());
        HBox otherRow = new HBox(8, other, sinks);
        otherRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label dryRun = SinkDialogs.dryRun("requeueDryRun", requeue.dryRunProperty());

        Label loopedText = new Label();
        loopedText.setId("requeueLooped");
        loopedText.setWrapText(true);
        loopedText.setMinHeight(Region.USE_PREF_SIZE);
        loopedText.textProperty().bind(requeue.loopedQuestionProperty());
        CheckBox includeLooped = new CheckBox(messages.text("action.requeue.includeLooped"));
        includeLooped.setId("includeLooped");
        requeue.includeLoopedProperty().bind(includeLooped.selectedProperty());
        VBox loopedBox = new VBox(4, loopedText, includeLooped);
        loopedBox.getStyleClass().add("looped-question");
        loopedBox.visibleProperty().bind(requeue.loopedQuestionProperty().isNotEmpty());
        loopedBox.managedProperty().bind(loopedBox.visibleProperty());

        PaceControl pace = new PaceControl(messages);
        dialog.getDialogPane().setContent(new VBox(8, own, otherRow, dryRun, loopedBox, pace));
        SinkDialogs.growsWith(dialog, requeue.countedProperty()); // the dry run and the loop question come after

        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("confirmButton");
        ok.disableProperty().bind(requeue.cannotConfirmProperty());
        requeue.count();
        return dialog.showAndWait().filter(ButtonType.OK::equals)
                .map(b -> new Confirmed(requeue.action(), requeue.confirmedTarget(), pace.rate()));
    }

    private final class SinkCell extends ListCell<SinkChoice> {
        @Override
        protected void updateItem(SinkChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setDisable(false);
                return;
            }
            setText(SinkDialogs.choice(messages, item));
            setDisable(!item.selectable());
        }
    }
}
