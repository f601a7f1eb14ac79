package dev.batchyard.app;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.StoreSession;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.shell.MainWindowView;
import dev.batchyard.app.shell.WindowLayout;
import dev.batchyard.app.training.DebriefView;
import dev.batchyard.app.training.DebriefViewModel;
import dev.batchyard.app.training.TaskPanelView;
import dev.batchyard.app.training.TaskPanelViewModel;
import dev.batchyard.app.training.TrainingSession;
import dev.batchyard.training.run.RunReport;
import java.time.Clock;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The main window over a running scenario: the trainee's console in the ordinary window (the same
 * table, actions and tabs an operator has), the task panel under the toolbar, and the debrief in a
 * window of its own when every task is decided. Closing it closes the window, then the scenario's
 * world. UI thread only.
 */
public final class TrainingWindow implements AutoCloseable {
    private final TrainingSession session;
    private final AppContext context;
    private Stage debrief;

    public TrainingWindow(TrainingSession session, LaunchOptions options, TaskExecutor executor, Clock clock,
                          Messages messages, Preferences prefs, Stage stage) {
        this.session = session;
        // the scenario may crash the engine: the window then follows the store opened again
        StoreSession store = StoreSession.following(session::trainee);
        session.onRestart(() -> Platform.runLater(store::reopened));
        this.context = new AppContext(options, store, null, executor, clock, messages, prefs, WindowLayout.MAIN);
        MainWindowView window = context.show(stage);
        TaskPanelViewModel panel = new TaskPanelViewModel(session::snapshot, messages);
        window.addBanner(new TaskPanelView(panel));
        panel.reportProperty().addListener((o, was, report) -> showDebrief(stage, report, messages));
    }

    private void showDebrief(Stage owner, RunReport report, Messages messages) {
        debrief = new Stage();
        debrief.initOwner(owner);
        debrief.setTitle(messages.text("training.debrief"));
        Scene scene = new Scene(new DebriefView(DebriefViewModel.of(report, messages), messages), 760, 640);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        debrief.setScene(scene);
        debrief.show();
    }

    /** The debrief's window once the run is over, else {@code null} (for tests). */
    Stage debrief() {
        return debrief;
    }

    @Override
    public void close() {
        if (debrief != null) {
            debrief.close();
        }
        context.close();
        session.close();
    }
}
