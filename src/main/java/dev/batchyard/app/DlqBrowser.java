package dev.batchyard.app;

import dev.batchyard.app.common.AppIcons;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.dlq.DlqBrowseView;
import dev.batchyard.app.dlq.DlqBrowseViewModel;
import dev.batchyard.legacy.dlq.DlqOverview;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File ▸ Open Go dead-letter directory: a window of its own over the agent's {@code dlq_*.log}
 * files, read directly and only read (no store is made or opened; this window's store stays as it
 * is). The files are scanned on the background executor while the window shows that it is reading.
 */
public final class DlqBrowser {
    private final Function<Path, DlqOverview.Result> scan;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Clock clock;

    public DlqBrowser(Function<Path, DlqOverview.Result> scan, TaskExecutor executor, Messages messages, Clock clock) {
        this.scan = scan;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
    }

    /** Opens a window over {@code dir} beside {@code owner} and starts reading it. */
    public void browse(Window owner, Path dir) {
        DlqBrowseViewModel model = new DlqBrowseViewModel(scan, executor, messages);
        DlqBrowseView view = new DlqBrowseView(model, new Formats(messages, clock.getZone()));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.getIcons().setAll(AppIcons.all());
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(AppContext.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.format("dlqBrowse.title", dir.toAbsolutePath().toString()));
        stage.show();
        model.load(dir);
    }
}
