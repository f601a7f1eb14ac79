package dev.batchyard.app.training;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Messages;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A run's debrief: the score, what happened, what the trainee did, and each task with what was
 * checked and why it matters. Layout only, over a {@link DebriefViewModel}.
 */
public final class DebriefView extends ScrollPane {

    public DebriefView(DebriefViewModel debrief, Messages messages) {
        setId("debriefView");
        setFitToWidth(true);
        VBox page = new VBox(10);
        page.setStyle("-fx-padding: 16;");
        Label title = new Label(debrief.title());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        Label score = new Label(debrief.score());
        score.setId("debriefScore");
        score.getStyleClass().addAll(Styles.TITLE_1, debrief.allPassed() ? Styles.SUCCESS : Styles.DANGER);
        Label detail = new Label(debrief.scoreDetail());
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        page.getChildren().addAll(title, new HBox(16, score, detail), heading(messages.text("debrief.tasks")));
        for (DebriefViewModel.TaskLines task : debrief.tasks()) {
            page.getChildren().add(task(task));
        }
        page.getChildren().add(heading(messages.text("debrief.events")));
        debrief.events().forEach(e -> page.getChildren().add(mono(e)));
        page.getChildren().add(heading(messages.text("debrief.actions")));
        debrief.actions().forEach(a -> page.getChildren().add(mono(a)));
        ((HBox) page.getChildren().get(1)).setStyle("-fx-alignment: baseline-left;");
        setContent(page);
    }

    private static Node task(DebriefViewModel.TaskLines task) {
        Label heading = new Label(task.heading(), icon(task.passed()));
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, task.passed() ? Styles.SUCCESS : Styles.DANGER);
        VBox box = new VBox(4, heading, wrapped(task.goal()));
        for (DebriefViewModel.CheckLine check : task.checks()) {
            Label line = new Label(check.text(), icon(check.holds()));
            line.setWrapText(true);
            line.setStyle("-fx-padding: 0 0 0 16;");
            box.getChildren().add(line);
        }
        if (!task.why().isEmpty()) {
            Label why = wrapped(task.why());
            why.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().add(why);
        }
        return box;
    }

    private static FontIcon icon(boolean good) {
        FontIcon icon = new FontIcon(good ? MaterialDesignC.CHECK_CIRCLE_OUTLINE : MaterialDesignC.CLOSE_CIRCLE_OUTLINE);
        icon.getStyleClass().add(good ? Styles.SUCCESS : Styles.DANGER);
        return icon;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static Label mono(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-family: monospace;");
        label.setWrapText(true);
        return label;
    }
}
