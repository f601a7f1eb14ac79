package dev.batchyard.app.connections;

import dev.batchyard.connections.Connection;
import dev.batchyard.connections.ConnectionBook;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.connections.RemoteConnection;
import java.nio.file.Path;
import java.util.Optional;

/** Which connection a store directory opens as, and when two connections are one window. Stateless. */
public final class StoreConnections {
    /** The longest name a connection takes (the {@code connections} records' rule). */
    static final int MAX_NAME = 64;

    private StoreConnections() {
    }

    /** What makes two connections one window: the same store directory, or the same server. */
    public static String key(Connection connection) {
        return connection instanceof LocalConnection local ? "local:" + local.store()
                : "remote:" + ((RemoteConnection) connection).url();
    }

    /**
     * The connection {@code dir} opens as: the saved connection over it when there is one (its name,
     * environment and config), else an unsaved dev connection named by the directory.
     */
    public static Connection connectionFor(ConnectionBook book, Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return savedFor(book, absolute).orElseGet(() -> new LocalConnection(nameOf(absolute), Environment.DEV, absolute,
                Optional.empty()));
    }

    /** The saved connection over the store directory {@code dir}, when there is one. */
    public static Optional<Connection> savedFor(ConnectionBook book, Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return book.connections().stream()
                .filter(c -> c instanceof LocalConnection local && local.store().equals(absolute))
                .findFirst();
    }

    /** A name for an unsaved store directory: its last part without control characters, at most 64 characters. */
    public static String nameOf(Path dir) {
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        String printable = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        printable = printable.isEmpty() ? dir.toString() : printable;
        return printable.length() > MAX_NAME ? printable.substring(0, MAX_NAME) : printable;
    }
}
