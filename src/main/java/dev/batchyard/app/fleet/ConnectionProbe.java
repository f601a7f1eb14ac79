package dev.batchyard.app.fleet;

import dev.batchyard.connections.Connection;

/**
 * Reads one connection's store for the fleet view. Called off the UI thread, for different
 * connections at once (one connection is probed by one thread at a time); may block up to its own
 * timeouts. It is never interrupted (an interrupt would close the file channels of a store read in
 * this process).
 */
public interface ConnectionProbe extends AutoCloseable {

    /** What the store of {@code connection} says now; never throws (a failure is an outcome). */
    ProbeOutcome probe(Connection connection);

    /** The connection left the fleet: what was kept open to probe it is closed. */
    void forget(Connection connection);

    /** The fleet view closed: everything kept open to probe is closed. */
    @Override
    void close();
}
