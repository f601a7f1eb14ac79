package dev.batchyard.app;

import dev.batchyard.app.common.AppIcons;
import dev.batchyard.app.common.ErrorDialog;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.StoreSession;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.connections.ConnectionEditor;
import dev.batchyard.app.connections.ConnectionEndpoints;
import dev.batchyard.app.connections.ConnectionHeaderViewModel;
import dev.batchyard.app.connections.ConnectionTester;
import dev.batchyard.app.connections.ConnectionWindow;
import dev.batchyard.app.connections.ConnectionWindows;
import dev.batchyard.app.connections.SavedConnections;
import dev.batchyard.app.connections.StoreConnections;
import dev.batchyard.app.demo.DemoControls;
import dev.batchyard.app.fleet.FleetSources;
import dev.batchyard.app.shell.StoreLockedDialog;
import dev.batchyard.app.shell.WindowLayout;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.ConnectionFile;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.connections.RemoteConnection;
import dev.batchyard.console.Console;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.i18n.FailureText;
import dev.batchyard.model.Actor;
import dev.batchyard.remote.RemoteConsole;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's main windows, one per open connection, side by side. {@link #open} opens a connection in
 * the background (a local store through the runtime, {@link Mode#window()}, with the read-only offer
 * when another process holds it; a server through its admin API) and shows it in a new window with a
 * composition root of its own ({@link AppContext}); a connection already open brings its window to the
 * front. Closing a window closes its console and its store; the app ends with its last window (JavaFX's
 * implicit exit). A connection that cannot be opened is said, naming it and where, and nothing else
 * closes. UI thread only.
 */
public final class MainWindows implements ConnectionWindows, AutoCloseable {
    /** Where windows beside the first keep their size (the first keeps the main window's). */
    static final String LAYOUT_NODE = "connectionLayout";
    /** How far each new window sits from the one before, so they do not hide each other. */
    static final double CASCADE = 32;
    private static final Logger LOG = LoggerFactory.getLogger(MainWindows.class);

    private final StoreOpener opener;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Messages messages;
    private final Preferences prefs;
    private final SavedConnections saved;
    private final ConnectionEditor editor;
    private final Map<String, OpenWindow> windows = new LinkedHashMap<>();
    private final Set<String> opening = new HashSet<>();
    /** The consoles of the open windows, by connection key: the fleet view reads them off the UI thread. */
    private final Map<String, OpenConsole> consoles = new ConcurrentHashMap<>();

    /** An open window's connection and console, for the fleet view. */
    private record OpenConsole(Connection connection, Console console) {
    }

    /** One open window: its stage, its composition root, what closes with it. */
    private record OpenWindow(Stage stage, AppContext context, ConnectionHeaderViewModel header, AutoCloseable resources) {
    }

    public MainWindows(StoreOpener opener, TaskExecutor executor, Clock clock, Messages messages, Preferences prefs,
                           SavedConnections saved) {
        this.opener = opener;
        this.executor = executor;
        this.clock = clock;
        this.messages = messages;
        this.prefs = prefs;
        this.saved = saved;
        this.editor = new ConnectionEditor(saved, new ConnectionTester(opener, messages), executor, messages);
    }

    /** The saved connections and recent stores the windows share. */
    public SavedConnections saved() {
        return saved;
    }

    /** What makes two connections one window: the same store directory, or the same server. */
    static String key(Connection connection) {
        return StoreConnections.key(connection);
    }

    @Override
    public void open(Connection connection) {
        String key = key(connection);
        OpenWindow open = windows.get(key);
        if (open != null) {
            open.stage().setIconified(false);
            open.stage().toFront();
            return;
        }
        if (!opening.add(key)) {
            return;   // a second click while it opens
        }
        if (connection instanceof RemoteConnection remote) {
            // the window follows the server's state (StoreSession.remote); its close closes the console
            executor.submit(() -> RemoteConsole.open(ConnectionEndpoints.of(remote)),
                    console -> opened(connection, StoreSession.remote(console, Platform::runLater), () -> { }),
                    failure -> failed(connection, failure));
        } else {
            LocalConnection local = (LocalConnection) connection;
            openLocal(local, Mode.window());
        }
    }

    private void openLocal(LocalConnection local, Mode mode) {
        executor.submit(() -> opener.open(new StoreLocation(local.store(), local.config().orElse(null)), mode),
                store -> {
                    saved.opened(local.store());
                    opened(local, StoreSession.of(store.console(Actor.osUser())), store);
                },
                failure -> {
                    if (failure instanceof StoreLockedException locked && mode.lock() != Mode.Lock.NONE
                            && new StoreLockedDialog(messages).askReadOnly(front(), local.store(), locked, "locked.cancel")) {
                        openLocal(local, Mode.readOnly(locked));
                    } else if (failure instanceof StoreLockedException) {
                        opening.remove(key(local));
                        exitIfNothingOpen();
                    } else {
                        failed(local, failure);
                    }
                });
    }

    /** Opens the store directory {@code dir} beside the open windows (see {@link StoreConnections#connectionFor}). */
    public void openStore(Path dir) {
        open(StoreConnections.connectionFor(saved.book(), dir));
    }

    private void opened(Connection connection, StoreSession session, AutoCloseable resources) {
        opening.remove(key(connection));
        Stage stage = new Stage();
        stage.getIcons().setAll(AppIcons.all());
        Window before = front();
        try {
            show(stage, connection, session, null, LaunchOptions.forWindow(), LAYOUT_NODE, resources);
        } catch (RuntimeException e) {
            session.stopFollowing();
            closeQuietly(session.console());
            closeQuietly(resources);
            failed(connection, e);
            return;
        }
        if (before != null) {   // beside the window it was opened from, a step down and right, on the screen
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setX(Math.max(screen.getMinX(), Math.min(before.getX() + CASCADE, screen.getMaxX() - stage.getWidth())));
            stage.setY(Math.max(screen.getMinY(), Math.min(before.getY() + CASCADE, screen.getMaxY() - stage.getHeight())));
        }
        stage.show();
    }

    /**
     * Shows {@code connection}'s window in {@code stage} (the app's first window, or one of {@link #open}'s),
     * kept here until it closes: then its window's reads end, its console closes and {@code resources}
     * (the open store) close.
     *
     * @param demo       the instructor's controls, or {@code null}
     * @param resources  closed after the window's console; the store a local connection opened
     */
    public AppContext show(Stage stage, Connection connection, StoreSession session, DemoControls demo,
                           LaunchOptions options, String layoutNode, AutoCloseable resources) {
        ConnectionHeaderViewModel header = new ConnectionHeaderViewModel(connection, messages);
        ConnectionWindow part = ConnectionWindow.of(header, saved, this, editor, executor, messages);
        AppContext context = new AppContext(options, session, demo, executor, clock, messages, prefs, layoutNode, part)
                .withFleet(fleet());
        context.show(stage);
        stage.setTitle(header.title());
        String key = key(connection);
        windows.put(key, new OpenWindow(stage, context, header, resources));
        consoles.put(key, new OpenConsole(connection, session.console()));
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed(key, stage));
        return context;
    }

    private void closed(String key, Stage stage) {
        OpenWindow window = windows.get(key);
        if (window == null || window.stage() != stage) {
            return;
        }
        windows.remove(key);
        consoles.remove(key);
        close(window);
    }

    private static void close(OpenWindow window) {
        window.context().close();
        closeQuietly(window.resources());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing {}: {}", closeable, e.toString());
        }
    }

    private void failed(Connection connection, Throwable failure) {
        opening.remove(key(connection));
        FailureText why = messages.engineTexts().failure(failure);
        new ErrorDialog(messages).show(front(), "error.openConnection", new FailureText(
                messages.format("connection.openFailed", connection.name(), ConnectionHeaderViewModel.where(connection)),
                why.oneLine()));
        exitIfNothingOpen();
    }

    /** The first window's connection could not be opened (--connect, --connection): there is nothing to stay for. */
    private void exitIfNothingOpen() {
        if (windows.isEmpty() && opening.isEmpty()) {
            Platform.exit();
        }
    }

    /** The window in front, to own a dialog; {@code null} when none is open. */
    private Window front() {
        return windows.values().stream().map(OpenWindow::stage).filter(Stage::isFocused).findFirst()
                .or(() -> windows.values().stream().map(OpenWindow::stage).reduce((a, b) -> b))
                .orElse(null);
    }

    /**
     * What every window's View › Fleet lists: the saved connections, then each connection open in a
     * window here that is not saved (a store opened by directory, a server given by {@code --connect});
     * an open one is read through its window's console, and a row opens (or brings forward) its window.
     */
    private FleetSources fleet() {
        Supplier<List<Connection>> savedOnes = FleetSources.savedAnd(new ConnectionFile(saved.path(), clock), List::of);
        Supplier<List<Connection>> listed = () -> {
            List<Connection> all = new ArrayList<>(savedOnes.get());
            Set<String> keys = new HashSet<>();
            all.forEach(c -> keys.add(key(c)));
            consoles.values().stream().map(OpenConsole::connection).filter(c -> keys.add(key(c))).forEach(all::add);
            return List.copyOf(all);
        };
        return new FleetSources(listed, c -> Optional.ofNullable(consoles.get(key(c))).map(OpenConsole::console), this);
    }

    /** The connections open now, in the order they opened (for tests and the fleet). */
    public List<Connection> openConnections() {
        List<Connection> open = new ArrayList<>();
        windows.values().forEach(w -> open.add(w.header().connection()));
        return open;
    }

    /** The window over {@code connection}, when it is open. */
    public Optional<Stage> windowOf(Connection connection) {
        return Optional.ofNullable(windows.get(key(connection))).map(OpenWindow::stage);
    }

    /** Closes every window's console and store still open (the app is ending). */
    @Override
    public void close() {
        List<OpenWindow> all = new ArrayList<>(windows.values());
        windows.clear();
        consoles.clear();
        all.forEach(MainWindows::close);
    }
}
