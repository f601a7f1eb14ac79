package dev.batchyard.app.fleet;

import dev.batchyard.app.connections.ConnectionWindows;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.ConnectionFile;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.console.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the fleet view is given: the connections to list, the consoles this process has open on
 * some of them (used as they are, never closed by the fleet), and how a connection is opened in a
 * window.
 *
 * @param connections called off the UI thread at each poll
 * @param openHere    the console a window of this process has open on a connection, if any
 */
public record FleetSources(Supplier<List<Connection>> connections, Function<Connection, Optional<Console>> openHere,
                           ConnectionWindows windows) {

    /**
     * The fleet of one window over {@code console}: the connections saved in {@code file} and this
     * window's own store (when it is a directory on this machine); the window's console for its own
     * store; opening its own store brings the window to the front, opening another is {@code others}'.
     */
    public static FleetSources ofWindow(ConnectionFile file, Console console, Runnable toFront, ConnectionWindows others) {
        Optional<LocalConnection> here = localStore(console.info().location());
        Function<Connection, Optional<Console>> openHere = c -> here.isPresent() && sameStore(c, here.get())
                ? Optional.of(console) : Optional.empty();
        ConnectionWindows windows = c -> {
            if (here.isPresent() && sameStore(c, here.get())) {
                toFront.run();
            } else {
                others.open(c);
            }
        };
        return new FleetSources(savedAnd(file, () -> here.map(List::of).orElse(List.of())), openHere, windows);
    }

    /** The store at {@code location} as a connection named after its directory, when it is a directory path. */
    static Optional<LocalConnection> localStore(String location) {
        try {
            Path store = Path.of(location);
            if (!store.isAbsolute() || store.getFileName() == null) {
                return Optional.empty(); // a server's URL, for a window over a remote store
            }
            String name = store.getFileName().toString();
            return Optional.of(new LocalConnection(name.length() > 64 ? name.substring(0, 64) : name, Environment.DEV,
                    store, Optional.empty()));
        } catch (IllegalArgumentException e) { // InvalidPathException is one
            return Optional.empty();
        }
    }

    private static boolean sameStore(Connection c, LocalConnection here) {
        return c instanceof LocalConnection l && l.store().equals(here.store());
    }

    /**
     * The connections saved in {@code file} (none when there is no file yet), then each of
     * {@code openStores} that no saved local connection names: a store open in this process is in
     * the fleet whether or not it was saved. The file is only read: one that cannot be read throws
     * naming it (the fleet says so), and is left for the connections dialog to deal with.
     */
    public static Supplier<List<Connection>> savedAnd(ConnectionFile file, Supplier<List<LocalConnection>> openStores) {
        return () -> {
            List<Connection> all = new ArrayList<>(saved(file));
            for (LocalConnection open : openStores.get()) {
                boolean named = all.stream().anyMatch(c -> c instanceof LocalConnection l && l.store().equals(open.store()));
                if (!named) {
                    all.add(open);
                }
            }
            return List.copyOf(all);
        };
    }

    private static List<Connection> saved(ConnectionFile file) {
        try {
            return file.read().connections();
        } catch (NoSuchFileException absent) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
