package dev.batchyard.app.connections;

import dev.batchyard.app.common.Messages;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.connections.RemoteConnection;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * What one window's header band says: the connection's name, where it reaches (a directory or a
 * URL) and its environment, and whether changes are locked. A {@link Environment#PROD prod}
 * connection opens locked; {@link #unlock()} lifts it for this window only (the next window over the
 * same connection opens locked again). UI thread only.
 */
public final class ConnectionHeaderViewModel {
    private final Connection connection;
    private final Messages messages;
    private final ReadOnlyBooleanWrapper locked;

    public ConnectionHeaderViewModel(Connection connection, Messages messages) {
        this.connection = connection;
        this.messages = messages;
        this.locked = new ReadOnlyBooleanWrapper(this, "locked", connection.environment().opensReadOnly());
    }

    public Connection connection() {
        return connection;
    }

    public String name() {
        return connection.name();
    }

    /** The store's directory, or the server's URL. */
    public String where() {
        return where(connection);
    }

    /** The store's directory, or the server's URL, of {@code connection}. */
    public static String where(Connection connection) {
        if (connection instanceof LocalConnection local) {
            return local.store().toString();
        }
        return ((RemoteConnection) connection).url().toString();
    }

    public Environment environment() {
        return connection.environment();
    }

    /** "PROD", "TEST", "DEV" in the operator's language. */
    public String environmentText() {
        return environmentText(connection.environment(), messages);
    }

    /** {@code environment}'s word on the band and in the dialog's choice. */
    static String environmentText(Environment environment, Messages messages) {
        return messages.text(switch (environment) {
            case DEV -> "connection.environment.dev";
            case TEST -> "connection.environment.test";
            case PROD -> "connection.environment.prod";
        });
    }

    /** The CSS class that colours the band: {@code connection-dev}, {@code connection-test}, {@code connection-prod}. */
    public String styleClass() {
        return "connection-" + connection.environment().word();
    }

    /** The window's title: "eu-prod (PROD) — https://logs-eu:7431 — Batchyard". */
    public String title() {
        return messages.format("connection.title", name(), environmentText(), where());
    }

    /** Whether changes wait for the operator's unlock: every changing action is off meanwhile. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public boolean locked() {
        return locked.get();
    }

    /** Lifts the lock for this window's session (the caller asked the operator first). */
    public void unlock() {
        locked.set(false);
    }

    /** What the band says of the lock, empty when there is none. */
    public String lockText() {
        return locked.get() ? messages.text("connection.locked") : "";
    }
}
