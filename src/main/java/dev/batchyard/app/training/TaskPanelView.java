package dev.batchyard.app.training;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Messages;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The trainee's strip under the toolbar while a scenario runs: the scenario, the task at hand, the
 * time left, how many tasks are done, a hint on request. Reads the run four times a second while
 * it is in a window. Layout and bindings only.
 */
public final class TaskPanelView extends VBox {
    private final Timeline ticker;

    public TaskPanelView(TaskPanelViewModel viewModel) {
        super(4);
        Messages messages = viewModel.messages();
        setId("taskPanel");
        getStyleClass().add("task-panel");
        setStyle("-fx-padding: 8 12 8 12; -fx-background-color: -color-accent-subtle;"
                + " -fx-border-color: -color-accent-muted; -fx-border-width: 0 0 1 0;");
        Label title = label("trainingTitle", viewModel.titleProperty().getValue());
        title.textProperty().bind(viewModel.titleProperty());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label task = label("trainingTask", "");
        task.textProperty().bind(viewModel.taskProperty());
        task.setWrapText(true);
        HBox.setHgrow(task, Priority.ALWAYS);
        task.setMaxWidth(Double.MAX_VALUE);
        Label timer = label("trainingTimer", "");
        timer.textProperty().bind(viewModel.timerProperty());
        timer.getStyleClass().addAll(Styles.TITLE_4);
        timer.setMinWidth(Region.USE_PREF_SIZE);
        Label progress = label("trainingProgress", "");
        progress.textProperty().bind(viewModel.progressProperty());
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        Button hint = new Button(messages.text("training.hint"), new FontIcon(MaterialDesignL.LIGHTBULB_ON_OUTLINE));
        hint.setId("trainingHint");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        hint.disableProperty().bind(viewModel.hintAvailableProperty().not());
        hint.setOnAction(e -> viewModel.showHint());
        HBox row = new HBox(12, title, task, progress, timer, hint);
        row.setStyle("-fx-alignment: center-left;");
        Label hints = label("trainingHints", "");
        hints.textProperty().bind(viewModel.hintsProperty());
        hints.setWrapText(true);
        hints.getStyleClass().add(Styles.TEXT_ITALIC);
        hints.visibleProperty().bind(viewModel.hintsProperty().isNotEmpty());
        hints.managedProperty().bind(hints.visibleProperty());
        Label failure = label("trainingFailure", "");
        failure.textProperty().bind(viewModel.failureProperty());
        failure.getStyleClass().add(Styles.DANGER);
        failure.visibleProperty().bind(viewModel.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        getChildren().addAll(row, hints, failure);

        viewModel.tick();
        ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> viewModel.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    private static Label label(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        return label;
    }
}
