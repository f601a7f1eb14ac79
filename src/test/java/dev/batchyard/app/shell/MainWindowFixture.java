package dev.batchyard.app.shell;

import dev.batchyard.app.AppContext;
import dev.batchyard.app.LaunchOptions;
import dev.batchyard.app.MemoryPreferences;
import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.demo.DemoControls;
import dev.batchyard.model.Actor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on a {@link TestStore}, in English, with its own preferences node (removed
 * on close) or a test's node (left for the next window).
 */
final class MainWindowFixture implements AutoCloseable {
    final TestStore store;
    final Preferences prefs;
    final MainWindowView window;
    private final BackgroundTaskExecutor executor;
    private final AppContext context;
    private final boolean ownPrefs;

    MainWindowFixture(Path dir, Stage stage, Populate populate) {
        this(dir, stage, new Messages(Locale.ENGLISH), populate);
    }

    /** The same window in the language of {@code messages}. */
    MainWindowFixture(Path dir, Stage stage, Messages messages, Populate populate) {
        this(dir, stage, messages, null, populate);
    }

    /** A window over {@code prefs}, a test-only node the test removes itself. */
    MainWindowFixture(Path dir, Stage stage, Preferences prefs, Populate populate) {
        this(dir, stage, new Messages(Locale.ENGLISH), prefs, populate);
    }

    private MainWindowFixture(Path dir, Stage stage, Messages messages, Preferences prefs, Populate populate) {
        this(dir, stage, messages, prefs, null, populate);
    }

    /**
     * A window in demo mode ({@code demo} the instructor's controls) or not ({@code null}), over
     * {@code prefs} when given, else a node of its own.
     */
    MainWindowFixture(Path dir, Stage stage, Messages messages, Preferences prefs, DemoControls demo,
                      Populate populate) {
        store = TestStore.open(dir);
        populate.fill(store);
        ownPrefs = prefs == null;
        this.prefs = ownPrefs ? MemoryPreferences.node() : prefs;
        executor = new BackgroundTaskExecutor(Platform::runLater);
        List<String> args = demo == null ? List.of("--store", store.engine.directory().toString())
                : List.of("--store", store.engine.directory().toString(), "--demo");
        LaunchOptions options = LaunchOptions.parse(args, Map.of(), dir);
        context = new AppContext(options, store.console(Actor.osUser()), demo, executor, Clock.systemDefaultZone(),
                messages, this.prefs);
        window = context.show(stage);
        stage.show();
    }

    /** What a test puts in the store before the window opens. */
    @FunctionalInterface
    interface Populate {
        void fill(TestStore store);
    }

    /**
     * Closes the window on the UI thread, where its layout is written, so that nothing writes to
     * the preferences node after it is removed (the stage lives on into the next test).
     */
    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            context.close();
            if (ownPrefs) {
                prefs.removeNode();
            }
            return null;
        }).get(60, TimeUnit.SECONDS);
        store.close();
        executor.close();
    }
}
