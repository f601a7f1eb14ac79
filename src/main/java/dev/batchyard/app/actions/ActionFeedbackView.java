package dev.batchyard.app.actions;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A strip above the table: a running action's progress with its cancel button, then its summary
 * until dismissed. Hidden when there is nothing to say.
 */
public final class ActionFeedbackView extends HBox {

    public ActionFeedbackView(ActionsViewModel model, Messages messages, String cancelShortcut) {
        super(8);
        setId("actionFeedback");
        getStyleClass().add("action-feedback");
        setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label text = new Label();
        text.setId("actionOutcome");
        text.setWrapText(true);
        text.textProperty().bind(javafx.beans.binding.Bindings.when(model.runningProperty())
                .then(model.progressTextProperty()).otherwise(model.outcomeProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button cancel = new Button(messages.text("action.cancel"));
        cancel.setId("cancelAction");
        cancel.setTooltip(new Tooltip(messages.format("tooltip.withShortcut", messages.text("action.cancel"),
                cancelShortcut)));
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        Button undo = new Button(messages.text("action.undo"));
        undo.setId("undoDiscard");
        undo.visibleProperty().bind(model.undoAvailableProperty().and(model.runningProperty().not()));
        undo.managedProperty().bind(undo.visibleProperty());
        undo.setOnAction(e -> model.undoDiscard());
        Button dismiss = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        dismiss.setId("dismissOutcome");
        dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismiss.visibleProperty().bind(model.runningProperty().not());
        dismiss.managedProperty().bind(dismiss.visibleProperty());
        dismiss.setOnAction(e -> model.dismissOutcome());
        getChildren().addAll(bar, text, cancel, undo, dismiss);
        visibleProperty().bind(model.runningProperty().or(model.outcomeProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
    }
}
