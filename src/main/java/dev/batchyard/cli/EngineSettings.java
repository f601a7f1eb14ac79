package dev.batchyard.cli;

import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;

/**
 * What a command opens the engine with: the {@code persistence} settings and the sinks, plus
 * whatever must be closed after the engine (the sink layer's connections).
 */
public record EngineSettings(PersistenceConfig config, Delivery delivery, AutoCloseable resources) {

    /** The Go defaults on {@code store}, with no sinks. */
    public static EngineSettings withoutSinks(PersistenceConfig config) {
        return new EngineSettings(config, Delivery.none(), () -> { });
    }
}
