package dev.batchyard.app;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkRegistry;
import java.util.List;

/**
 * An engine open on a store with the sink layer it delivers through.
 *
 * @param sinkNames the configured sinks (offered for reroute, shown in the status bar)
 */
public record OpenedStore(BatchPersistence engine, SinkDelivery delivery, SinkRegistry registry,
                          List<String> sinkNames) implements AutoCloseable {
    public OpenedStore {
        sinkNames = List.copyOf(sinkNames);
    }

    @Override
    public void close() {
        engine.close();
        registry.close();
    }
}
