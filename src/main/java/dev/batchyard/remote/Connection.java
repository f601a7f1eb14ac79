package dev.batchyard.remote;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection state of one remote console, moved by every exchange: a success makes it
 * {@link ConnectionState.Connected}, a failure to reach the server
 * {@link ConnectionState.Disconnected}, an event stream waiting to try again
 * {@link ConnectionState.Reconnecting}. Listeners hear each change (not each exchange), on the thread
 * that made it: a window hands it to its UI thread itself. Thread-safe.
 */
final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<ConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private ConnectionState state;

    Connection(Clock clock) {
        this.clock = clock;
        this.state = new ConnectionState.Disconnected("not connected yet", null);
    }

    synchronized ConnectionState state() {
        return state;
    }

    void succeeded() {
        Instant now = clock.instant();
        boolean changed;
        synchronized (this) {
            changed = !(state instanceof ConnectionState.Connected);
            state = new ConnectionState.Connected(now);
        }
        if (changed) {
            announce();
        }
    }

    void failed(String error) {
        set(new ConnectionState.Disconnected(error, lastSuccess()));
    }

    void reconnecting(int attempt, Instant nextTry, String error) {
        set(new ConnectionState.Reconnecting(attempt, nextTry, error, lastSuccess()));
    }

    private synchronized Instant lastSuccess() {
        return state.lastSuccess();
    }

    private void set(ConnectionState next) {
        synchronized (this) {
            state = next;
        }
        announce();
    }

    private void announce() {
        ConnectionState now = state();
        for (Consumer<ConnectionState> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("a connection state listener failed", e);
            }
        }
    }

    /** Adds {@code listener}, which hears the current state at once; the returned handle removes it. */
    ConnectionState.Listening listen(Consumer<ConnectionState> listener) {
        listeners.add(listener);
        listener.accept(state());
        return () -> listeners.remove(listener);
    }
}
