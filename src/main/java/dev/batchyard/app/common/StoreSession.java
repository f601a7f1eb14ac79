package dev.batchyard.app.common;

import dev.batchyard.console.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The store a window works on, for the window's life, even when the engine behind it is closed and
 * opened again (a training scenario's crash and restart: a new engine, a new console, a new event
 * bus). The window's features hold {@link #console()}, which always reaches the console open now;
 * what a console cannot carry across a reopen (an event subscription, rows read before it) is
 * renewed by the listeners of {@link #onReopened}, which whoever reopens the store calls through
 * {@link #reopened()}. Listeners are kept and called on the UI thread.
 */
public final class StoreSession {
    private final Console console;
    private final List<Runnable> reopenListeners = new ArrayList<>();

    private StoreSession(Console console) {
        this.console = console;
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
}
