package dev.batchyard.runtime;

import dev.batchyard.engine.PersistenceConfig;
import java.util.Objects;

/**
 * What a store is opened with: its {@code persistence} settings and its sinks. Closing the settings
 * closes the sinks; the runtime does so after the engine, or at once when the open fails.
 */
public record Settings(PersistenceConfig persistence, SinkLayer sinks) implements AutoCloseable {
    public Settings {
        Objects.requireNonNull(persistence, "persistence");
        Objects.requireNonNull(sinks, "sinks");
    }

    @Override
    public void close() {
        sinks.close();
    }
}
