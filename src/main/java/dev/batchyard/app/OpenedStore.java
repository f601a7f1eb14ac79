package dev.batchyard.app;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkRegistry;
import java.util.List;

/**
 * An engine open on a store with the sink layer it delivers through.
 *
 * @param sinkNames     the configured sinks (offered for reroute, shown in the status bar)
 * @param lockHolderPid the process that held the store's lock when it was opened read-only
 *                      because of that, or -1 (writable, or read-only by choice)
 */
public record OpenedStore(BatchPersistence engine, SinkDelivery delivery, SinkRegistry registry,
                          List<String> sinkNames, long lockHolderPid) implements AutoCloseable {
    public OpenedStore {
        sinkNames = List.copyOf(sinkNames);
    }

    public OpenedStore(BatchPersistence engine, SinkDelivery delivery, SinkRegistry registry, List<String> sinkNames) {
        this(engine, delivery, registry, sinkNames, -1);
    }

    /** What a window over this store needs. */
    public WindowStore forWindow() {
        return new WindowStore(engine, delivery, sinkNames, lockHolderPid);
    }

    @Override
    public void close() {
        engine.close();
        registry.close();
    }
}
