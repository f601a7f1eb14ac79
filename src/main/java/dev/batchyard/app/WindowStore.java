package dev.batchyard.app;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import java.util.List;
import java.util.Objects;

/**
 * What one window shows and acts on: an open engine, the sink layer it delivers through, the
 * configured sinks and, for a store opened read-only because another process holds it, that
 * process.
 *
 * @param delivery        the sink layer the engine delivers through (its {@code health} is each
 *                        sink's, read without side effects)
 * @param configuredSinks the sinks of the configuration, offered for reroute
 * @param lockHolderPid   the process holding the store when it was opened read-only because of
 *                        that (said in the status bar), or -1
 */
public record WindowStore(BatchPersistence engine, Delivery delivery, List<String> configuredSinks,
                          long lockHolderPid) {
    public WindowStore {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(delivery, "delivery");
        configuredSinks = List.copyOf(configuredSinks);
    }

    /** A writable store, or one read-only by choice. */
    public WindowStore(BatchPersistence engine, Delivery delivery, List<String> configuredSinks) {
        this(engine, delivery, configuredSinks, -1);
    }
}
