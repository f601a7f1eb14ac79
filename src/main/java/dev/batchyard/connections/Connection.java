package dev.batchyard.connections;

/**
 * A store the window can open: a directory on this machine ({@link LocalConnection}) or a running
 * {@code batchyard serve} ({@link RemoteConnection}). Immutable; names are unique within a
 * {@link ConnectionBook}.
 */
public sealed interface Connection permits LocalConnection, RemoteConnection {

    /** How the operator calls it: 1 to 64 characters, no control character. */
    String name();

    Environment environment();

    /** This connection under another name (the rest unchanged). */
    Connection renamed(String name);
}
