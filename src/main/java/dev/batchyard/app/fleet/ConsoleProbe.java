package dev.batchyard.app.fleet;

import dev.batchyard.connections.Connection;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.connections.RemoteConnection;
import dev.batchyard.console.Console;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Probes a connection through a console: the one a window of this process has open on it, else for
 * a remote connection one of its own, kept for the next polls (closed when the connection leaves
 * the fleet or the fleet closes), else, for a local store, nothing: it says "not open", as opening
 * it would lock someone's store to poll it. Thread-safe.
 */
public final class ConsoleProbe implements ConnectionProbe {
    private final Function<Connection, Optional<Console>> openHere;
    private final Function<RemoteConnection, Console> connect;
    private final Map<Connection, Console> own = new ConcurrentHashMap<>();

    /**
     * @param openHere the console a window of this process has open on a connection, if any (not
     *                 closed here: it is that window's)
     * @param connect  opens a console over a remote connection's server (e.g. {@code RemoteConsole.open}
     *                 with the probe's timeouts); may throw when the server cannot be reached
     */
    public ConsoleProbe(Function<Connection, Optional<Console>> openHere, Function<RemoteConnection, Console> connect) {
        this.openHere = openHere;
        this.connect = connect;
    }

    @Override
    public ProbeOutcome probe(Connection connection) {
        try {
            Optional<Console> here = openHere.apply(connection);
            if (here.isPresent()) {
                return read(here.get());
            }
            if (connection instanceof LocalConnection) {
                return new ProbeOutcome.NotOpen();
            }
            return read(ownConsole((RemoteConnection) connection));
        } catch (RuntimeException e) {
            return new ProbeOutcome.Unreachable(e);
        }
    }

    private static ProbeOutcome read(Console console) {
        return new ProbeOutcome.Read(console.stats(), console.sinks());
    }

    private Console ownConsole(RemoteConnection connection) {
        Console console = own.get(connection);
        if (console == null) {
            console = connect.apply(connection);
            Console raced = own.putIfAbsent(connection, console);
            if (raced != null) {
                console.close();
                console = raced;
            }
        }
        return console;
    }

    @Override
    public void forget(Connection connection) {
        Console console = own.remove(connection);
        if (console != null) {
            console.close();
        }
    }

    /** How many consoles of its own it keeps open now. */
    int openConsoles() {
        return own.size();
    }

    /**
     * Closes the consoles it keeps. It may probe again afterwards (the fleet window shown again); a
     * probe that was opening a console as this ran keeps it, until the next close.
     */
    @Override
    public void close() {
        own.keySet().forEach(this::forget);
    }
}
