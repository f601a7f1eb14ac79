package dev.batchyard.app;

import dev.batchyard.app.common.AppIcons;
import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.ErrorDialog;
import dev.batchyard.app.common.FilePreferences;
import dev.batchyard.app.common.StoreSession;
import dev.batchyard.app.connections.StoreConnections;
import dev.batchyard.app.connections.SavedConnections;
import dev.batchyard.app.shell.WindowLayout;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.ConnectionFile;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.i18n.FailureText;
import dev.batchyard.app.shell.StartupView;
import dev.batchyard.app.shell.StoreLockedDialog;
import dev.batchyard.app.shell.ThemeSwitcher;
import dev.batchyard.app.demo.DemoControls;
import dev.batchyard.app.demo.GeneratorDemoControls;
import dev.batchyard.app.training.ScenarioPickerDialog;
import dev.batchyard.app.training.ScenarioPickerViewModel;
import dev.batchyard.app.training.TrainingSession;
import dev.batchyard.training.scenario.BuiltInScenarios;
import dev.batchyard.training.scenario.Scenario;
import dev.batchyard.console.Console;
import dev.batchyard.demo.DemoSinks;
import dev.batchyard.demo.TrafficGenerator;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.i18n.Language;
import dev.batchyard.i18n.LanguageOption;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.SimulatedSinks;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.logging.LogFile;
import dev.batchyard.logging.StateDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's entry point: reads the command line, shows a start-up view while the engine
 * opens off the UI thread, then hands the window to {@link AppContext}. A store locked by another
 * process is said so, with the offer to browse it read-only.
 */
public final class BatchyardApp extends Application {
    /** Where versions before the preferences file kept theirs, under {@code java.util.prefs}' user root: copied once. */
    static final String PREFS_NODE = "dev/batchyard/app";
    private static final double DEMO_RATE = 5;
    private static final int DEMO_ENTRIES = 20;

    private FilePreferences prefs;
    private BackgroundTaskExecutor executor;
    /** Where the saved connections are kept, in the window's configuration directory. */
    static final String CONNECTIONS_FILE = "connections.json";
    private MainWindows windows;
    private TrafficGenerator traffic;
    private LogFile log;
    private TrainingWindow training;

    /** Before anything logs: the window's log goes to stderr and to {@link StateDirectory#windowLog}. */
    @Override
    public void init() {
        Path file = StateDirectory.windowLog(System.getenv(), Path.of(System.getProperty("user.home")));
        try {
            log = LogFile.teeStandardError(file);
            LoggerFactory.getLogger(BatchyardApp.class).info("window log: {} and stderr", file);
        } catch (IOException | RuntimeException e) {
            // a window without its log file still works: say so where the log goes anyway
            System.err.println("batchyard: the window's log file " + file + " cannot be written (" + e.getMessage()
                    + "); logging to stderr only");
        }
    }

    @Override
    public void start(Stage stage) {
        prefs = FilePreferences.open(FilePreferences.defaultFile(System.getenv(), Path.of(System.getProperty("user.home"))),
                Preferences.userRoot(), PREFS_NODE);
        Language language = new LanguageChoice(prefs).resolve(LanguageOption.find(getParameters().getRaw()));
        // JavaFX's own texts (OK, Cancel, Copy in text fields) follow the default locale
        Locale.setDefault(language.locale());
        Messages messages = LanguageChoice.messages(language);
        new ThemeSwitcher(prefs).applyRemembered();
        LaunchOptions parsed;
        try {
            parsed = LaunchOptions.parse(getParameters().getRaw(), System.getenv(),
                    Path.of(System.getProperty("user.home")));
        } catch (LaunchArgumentException e) {
            new ErrorDialog(messages).show(null, "error.arguments", e.describe(messages));
            Platform.exit();
            return;
        }
        executor = new BackgroundTaskExecutor(Platform::runLater);
        Clock clock = Clock.systemDefaultZone();
        StoreOpener opener = StoreOpener.standard(clock);
        SavedConnections saved = new SavedConnections(new ConnectionFile(FilePreferences.configDirectory(System.getenv(),
                Path.of(System.getProperty("user.home"))).resolve(CONNECTIONS_FILE), clock), executor);
        windows = new MainWindows(opener, executor, clock, messages, prefs, saved);
        // the saved connections first: --connection names one, and a store opened may be a saved one
        saved.load(() -> begin(stage, parsed, saved, opener, clock, messages));
    }

    /** Opens the first window: the saved connection or server the command line names, else the store. */
    private void begin(Stage stage, LaunchOptions parsed, SavedConnections saved, StoreOpener opener, Clock clock,
                       Messages messages) {
        if (parsed.connection().isPresent()) {
            Optional<Connection> named = saved.book().named(parsed.connection().get());
            if (named.isEmpty()) {
                new ErrorDialog(messages).show(null, "error.arguments", new FailureText(messages.format(
                        "arguments.noSuchConnection", parsed.connection().get(), saved.path().toString()), ""));
                Platform.exit();
                return;
            }
            windows.open(named.get());
            return;
        }
        if (parsed.connect().isPresent()) {
            windows.open(parsed.connect().get());
            return;
        }
        LaunchOptions options = new DemoOffer(prefs).ask(parsed, messages);
        Path directory;
        try {
            directory = options.directory();
        } catch (RuntimeException e) {
            new ErrorDialog(messages).show(null, "error.open", e);
            Platform.exit();
            return;
        }
        stage.setTitle(messages.text("app.title"));
        stage.getIcons().setAll(AppIcons.all());
        Optional<Scenario> scenario = trainingOffered(options, directory)
                ? new ScenarioPickerDialog(new ScenarioPickerViewModel(BuiltInScenarios.all(), BuiltInScenarios::read,
                executor, messages)).ask(null)
                : Optional.empty();
        stage.setScene(new Scene(new StartupView(messages, directory), 640, 400));
        stage.show();
        if (scenario.isPresent()) {
            executor.submit(() -> TrainingSession.start(scenario.get(), directory, Actor.osUser(), 1, false),
                    session -> training = new TrainingWindow(session, options, executor, clock, messages, prefs, stage),
                    failure -> {
                        new ErrorDialog(messages).show(stage, "error.open", failure);
                        Platform.exit();
                    });
            return;
        }
        executor.submit(() -> opener.open(options.location(), options.mode()),
                store -> showMainWindow(stage, options, opener, store, messages, prefs, clock),
                failure -> openFailed(stage, options, opener, messages, prefs, clock, failure));
    }

    /** Demo mode on a store that holds nothing yet: a scenario may be run on it (the trainee's own store). */
    private static boolean trainingOffered(LaunchOptions options, Path directory) {
        return options.demo() && !options.readOnly() && !Files.isDirectory(directory.resolve("segments"));
    }

    private void showMainWindow(Stage stage, LaunchOptions options, StoreOpener opener,
                                OpenStore store, Messages messages, Preferences prefs, Clock clock) {
        Console console = store.console(Actor.osUser());
        DemoControls demo = null;
        Optional<SimulatedSinks> simulated = store.simulatedSinks();
        if (options.demo() && store.access().writable() && simulated.isPresent()) {
            traffic = new TrafficGenerator(console::persist, DemoSinks.names(), DEMO_RATE,
                    DEMO_ENTRIES, clock, System.nanoTime());
            demo = new GeneratorDemoControls(traffic, simulated.get(), DemoSinks.names());
            demo.startTraffic(); // demo mode means traffic: the class watches it flow from the first second
        }
        Path directory = options.directory();
        Connection connection = StoreConnections.savedFor(windows.saved().book(), directory).orElseGet(() -> new LocalConnection(options.onDefaultStore()
                ? messages.text("connection.defaultStore") : StoreConnections.nameOf(directory), Environment.DEV,
                directory.toAbsolutePath(), options.config().map(Path::toAbsolutePath)));
        windows.show(stage, connection, StoreSession.of(console), demo, options, WindowLayout.MAIN, () -> {
            if (traffic != null) {
                traffic.close();
            }
            store.close();
        });
        windows.saved().opened(directory.toAbsolutePath());
    }

    private void openFailed(Stage stage, LaunchOptions options, StoreOpener opener, Messages messages,
                            Preferences prefs, Clock clock, Throwable failure) {
        if (failure instanceof StoreLockedException locked) {
            if (new StoreLockedDialog(messages).askReadOnly(stage, options.directory(), locked)) {
                Mode readOnly = options.demo() ? Mode.readOnly(locked).withDemoSinks() : Mode.readOnly(locked);
                executor.submit(() -> opener.open(options.location(), readOnly),
                        store -> showMainWindow(stage, options, opener, store, messages, prefs, clock),
                        again -> {
                            new ErrorDialog(messages).show(stage, "error.open", again);
                            Platform.exit();
                        });
                return;
            }
        } else {
            new ErrorDialog(messages).show(stage, "error.open", failure);
        }
        Platform.exit();
    }

    @Override
    public void stop() {
        if (training != null) {
            training.close();
        }
        if (windows != null) {
            windows.close();   // each window's console, then its store (and the demo's traffic)
        }
        if (executor != null) {
            executor.close();
        }
        flushPreferences();
        if (log != null) {
            log.close();
        }
    }

    private void flushPreferences() {
        if (prefs != null) {
            try {
                prefs.flush();
            } catch (BackingStoreException e) {
                LoggerFactory.getLogger(BatchyardApp.class).warn("the window's layout and choices are not saved: {}",
                        e.getMessage());
            }
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
