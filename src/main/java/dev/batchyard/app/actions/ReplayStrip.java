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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * A strip above the table while the store has a throttled replay: what it does, its progress, pace
 * and time left, the uncertain batches (their ids in the tooltip), and Pause / Resume / Cancel; once
 * it ended while shown, a dismiss button. Thin: everything comes from {@link ReplayViewModel}.
 */
public final class ReplayStrip extends HBox {

    public ReplayStrip(ReplayViewModel model, Messages messages) {
        super(8);
        setId("replayStrip");
        getStyleClass().add("replay-strip");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.setId("replayTitle");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(model.titleProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("replayProgress");
        bar.setMinWidth(120);
        bar.progressProperty().bind(model.progressProperty());
        Label line = new Label();
        line.setId("replayLine");
        line.textProperty().bind(model.lineProperty());
        line.setWrapText(true); // the table's pane can be narrow: the line wraps rather than end in "…"
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(line, Priority.ALWAYS);
        Label uncertain = new Label();
        uncertain.setId("replayUncertain");
        uncertain.getStyleClass().add(Styles.WARNING);
        uncertain.setMinWidth(Region.USE_PREF_SIZE);
        uncertain.textProperty().bind(model.uncertainProperty());
        Tooltip ids = new Tooltip();
        ids.setWrapText(true);
        ids.setMaxWidth(480);
        ids.textProperty().bind(model.uncertainIdsProperty());
        uncertain.setTooltip(ids);
        uncertain.visibleProperty().bind(model.uncertainProperty().isNotEmpty());
        uncertain.managedProperty().bind(uncertain.visibleProperty());
        Label notice = new Label();
        notice.setId("replayNotice");
        notice.getStyleClass().add(Styles.DANGER);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        Button pause = button("replayPause", messages.text("replay.pause"), new FontIcon(MaterialDesignP.PAUSE));
        pause.setOnAction(e -> model.pause());
        pause.visibleProperty().bind(model.canPauseProperty().or(model.canResumeProperty().not()
                .and(model.endedProperty().not())));
        pause.disableProperty().bind(model.canPauseProperty().not());
        Button resume = button("replayResume", messages.text("replay.resume"), new FontIcon(MaterialDesignP.PLAY));
        resume.setOnAction(e -> model.resume());
        resume.visibleProperty().bind(model.canResumeProperty());
        Button cancel = button("replayCancel", messages.text("replay.cancel"), new FontIcon(MaterialDesignS.STOP));
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.endedProperty().not());
        cancel.disableProperty().bind(model.canCancelProperty().not());
        Button dismiss = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        dismiss.setId("replayDismiss");
        dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismiss.setTooltip(new Tooltip(messages.text("replay.dismiss")));
        dismiss.visibleProperty().bind(model.endedProperty());
        dismiss.managedProperty().bind(dismiss.visibleProperty());
        dismiss.setOnAction(e -> model.dismiss());
        // what it is above, how far it got below; the buttons on the right keep their size
        HBox progressRow = new HBox(8, bar, line, uncertain);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        title.setWrapText(true);
        title.setMinWidth(0);
        VBox text = new VBox(4, title, progressRow, notice);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(text, pause, resume, cancel, dismiss);
        visibleProperty().bind(model.shownProperty());
        managedProperty().bind(visibleProperty());
    }

    private static Button button(String id, String text, FontIcon icon) {
        Button button = new Button(text, icon);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.managedProperty().bind(button.visibleProperty());
        return button;
    }
}
