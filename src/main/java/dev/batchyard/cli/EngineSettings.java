package dev.batchyard.cli;

import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.EventBus;

/**
 * What a command opens the engine with: the {@code persistence} settings and the sinks. The sinks
 * publish on the engine's bus, so they are made once that bus exists; closing the settings closes
 * whatever the sinks hold (threads, connections), after the engine.
 */
public record EngineSettings(PersistenceConfig config, Sinks sinks) implements AutoCloseable {

    /** The sink layer as one command uses it. */
    public interface Sinks extends AutoCloseable {
        Delivery delivery(EventBus events);

        @Override
        void close();
    }

    /** {@code config} with no sinks: batches can be browsed and changed by hand only. */
    public static EngineSettings withoutSinks(PersistenceConfig config) {
        return new EngineSettings(config, fixed(Delivery.none()));
    }

    /** Sinks that need no bus and hold nothing (tests). */
    public static Sinks fixed(Delivery delivery) {
        return new Sinks() {
            @Override
            public Delivery delivery(EventBus events) {
                return delivery;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
        sinks.close();
    }
}
