package dev.batchyard.connections;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The connections one user has saved, in the order they are shown, and the store directories they
 * opened most recently (newest first, at most {@value #MAX_RECENT}). Immutable: every change answers
 * a new book, which {@link ConnectionFile#write} keeps.
 */
public record ConnectionBook(List<Connection> connections, List<Path> recentStores) {
    public static final int MAX_RECENT = 10;

    /**
     * @throws IllegalArgumentException for two connections with one name (names are compared
     *                                  ignoring case: a person cannot tell them apart in a list)
     */
    public ConnectionBook {
        connections = List.copyOf(connections);
        Set<String> names = new HashSet<>();
        for (Connection c : connections) {
            if (!names.add(key(c.name()))) {
                throw new IllegalArgumentException("two connections are named '" + c.name() + "'");
            }
        }
        List<Path> recent = new ArrayList<>();
        for (Path p : recentStores) {
            Path absolute = Paths.absolute(p, "recent store");
            if (!recent.contains(absolute) && recent.size() < MAX_RECENT) {
                recent.add(absolute);
            }
        }
        recentStores = List.copyOf(recent);
    }

    public static ConnectionBook empty() {
        return new ConnectionBook(List.of(), List.of());
    }

    public Optional<Connection> named(String name) {
        return connections.stream().filter(c -> key(c.name()).equals(key(name))).findFirst();
    }

    /**
     * This book with {@code connection} saved: in place of the one it {@code replaces} (by name;
     * empty for a new one), else at the end.
     *
     * @throws IllegalArgumentException when another connection already has its name, or the one it
     *                                  replaces is not in the book
     */
    public ConnectionBook saving(Connection connection, Optional<String> replaces) {
        List<Connection> next = new ArrayList<>(connections);
        if (replaces.isPresent()) {
            int at = indexOf(replaces.get());
            if (at < 0) {
                throw new IllegalArgumentException("there is no connection named '" + replaces.get() + "' to change");
            }
            next.set(at, connection);
        } else {
            next.add(connection);
        }
        return new ConnectionBook(next, recentStores);
    }

    /** This book without the connection named {@code name} (the same book when there is none). */
    public ConnectionBook removing(String name) {
        List<Connection> next = new ArrayList<>(connections);
        next.removeIf(c -> key(c.name()).equals(key(name)));
        return new ConnectionBook(next, recentStores);
    }

    /** This book with {@code store} as the most recently opened store (moved to the front if it was there). */
    public ConnectionBook opened(Path store) {
        List<Path> next = new ArrayList<>();
        next.add(Paths.absolute(store, "recent store"));
        next.addAll(recentStores);
        return new ConnectionBook(connections, next);
    }

    private int indexOf(String name) {
        for (int i = 0; i < connections.size(); i++) {
            if (key(connections.get(i).name()).equals(key(name))) {
                return i;
            }
        }
        return -1;
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
