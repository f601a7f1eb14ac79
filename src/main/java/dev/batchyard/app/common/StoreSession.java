package dev.batchyard.app.common;

import dev.batchyard.console.Console;
import dev.batchyard.remote.ConnectionState;
import dev.batchyard.remote.RemoteConsole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The store a window works on, for the window's life, even when the engine behind it is closed and
 * opened again (a training scenario's crash and restart: a new engine, a new console, a new event
 * bus). The window's features hold {@link #console()}, which always reaches the console open now;
 * what a console cannot carry across a reopen (an event subscription, rows read before it) is
 * renewed by the listeners of {@link #onReopened}, which whoever reopens the store calls through
 * {@link #reopened()}. Listeners are kept and called on the UI thread.
 *
 * <p>A session over a remote {@code serve} also says how its connection stands
 * ({@link #connection()}): the console's {@link ConnectionState}, handed to the UI thread. A local
 * session has none.
 */
public final class StoreSession {
    private final Console console;
    private final List<Runnable> reopenListeners = new ArrayList<>();
    private final RemoteLink link;

    private StoreSession(Console console, RemoteLink link) {
        this.console = console;
        this.link = link;
    }

    private StoreSession(Console console) {
        this(console, null);
    }

    /** A store that stays open as long as the window: its console as it is. */
    public static StoreSession of(Console console) {
        return new StoreSession(console);
    }

    /**
     * A store that may be reopened under the window: every call goes to the console {@code current}
     * gives at that moment.
     */
    public static StoreSession following(Supplier<Console> current) {
        return new StoreSession(new FollowingConsole(current));
    }

    /**
     * A store across the network: {@code console}'s connection state is followed from now on and
     * handed to {@code uiThread} ({@code Platform::runLater} in the app), coalesced: a burst of
     * changes while the UI thread is busy arrives as the last of them.
     */
    public static StoreSession remote(RemoteConsole console, Executor uiThread) {
        return new StoreSession(console, new RemoteLink(console, uiThread));
    }

    /** How the connection to a remote store stands, observable on the UI thread; empty for a local store. */
    public Optional<ReadOnlyObjectProperty<ConnectionState>> connection() {
        return Optional.ofNullable(link).map(l -> l.state.getReadOnlyProperty());
    }

    /** Stops following the connection (the window closes); nothing more reaches the UI thread. */
    public void stopFollowing() {
        if (link != null) {
            link.listening.close();
        }
    }

    /** The console the window's features keep. */
    public Console console() {
        return console;
    }

    /** {@code listener} runs on the UI thread each time the store behind the console was opened again. */
    public void onReopened(Runnable listener) {
        reopenListeners.add(listener);
    }

    /** The store behind the console was opened again: tells every listener, in the order added. UI thread only. */
    public void reopened() {
        List.copyOf(reopenListeners).forEach(Runnable::run);
    }

    /**
     * The hand-over of a remote console's state from its threads to the UI thread: only the latest
     * state is kept, and at most one hand-over is queued at a time.
     */
    private static final class RemoteLink {
        private final ReadOnlyObjectWrapper<ConnectionState> state;
        private final AtomicReference<ConnectionState> latest = new AtomicReference<>();
        private final Executor uiThread;
        private final ConnectionState.Listening listening;

        RemoteLink(RemoteConsole console, Executor uiThread) {
            this.uiThread = uiThread;
            this.state = new ReadOnlyObjectWrapper<>(console.connectionState());
            this.listening = console.onConnectionChange(this::changed);
        }

        private void changed(ConnectionState next) {
            if (latest.getAndSet(next) == null) {
                uiThread.execute(() -> state.set(latest.getAndSet(null)));
            }
        }
    }
}
