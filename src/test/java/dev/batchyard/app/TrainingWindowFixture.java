package dev.batchyard.app;

import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.training.TrainingSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A training window in a window test, in a stage of its own (the primary stage comes in whatever
 * state the last test class left it), with its own executor and preferences; closed together.
 * Made on the UI thread (a test's {@code @Start}), as a stage must be.
 */
final class TrainingWindowFixture implements AutoCloseable {
    final Preferences prefs = MemoryPreferences.node();
    /**
     * Never shown before the window is built in it: Monocle placed a stage shown, hidden and shown
     * again at 1280x800 one screen to the right, and the robot could not click in it.
     */
    final Stage stage = new Stage();
    final BackgroundTaskExecutor executor = new BackgroundTaskExecutor(Platform::runLater);
    private TrainingWindow window;

    /** Builds the window over {@code session}, its store at {@code store} in demo mode, and shows it. */
    TrainingWindow open(TrainingSession session, Path store, Path dir, Messages messages) throws Exception {
        LaunchOptions options = LaunchOptions.parse(List.of("--store", store.toString(), "--demo"), Map.of(), dir);
        window = WaitForAsyncUtils.asyncFx(() -> {
            // shown once the window is built: a stage already shown would take the new scene's
            // preferred size under Monocle, wider than the screen, instead of the window's 1280x800
            TrainingWindow shown = new TrainingWindow(session, options, executor, Clock.systemDefaultZone(), messages,
                    prefs, stage);
            stage.show();
            return shown;
        }).get(30, TimeUnit.SECONDS);
        return window;
    }

    /** Closes the window (and its session) and the stage on the UI thread, then the executor. */
    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (window != null) {
                window.close();
            }
            stage.close();
            prefs.removeNode();
            return null;
        }).get(60, TimeUnit.SECONDS);
        executor.close();
    }
}
