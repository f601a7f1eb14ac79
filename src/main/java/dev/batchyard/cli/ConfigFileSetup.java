package dev.batchyard.cli;

import dev.batchyard.config.AppConfig;
import dev.batchyard.config.ConfigFile;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The production {@link EngineSetup}: {@code config.yaml}'s {@code persistence} and {@code sinks}
 * sections (or the Go defaults and no sinks without {@code --config}); {@code --store} overrides
 * the configured directory. A bad config throws {@link dev.batchyard.engine.ConfigException} naming
 * the file and the key; {@link StoreAccess} words it for the operator.
 */
final class ConfigFileSetup implements EngineSetup {
    private final Clock clock;

    ConfigFileSetup(Clock clock) {
        this.clock = clock;
    }

    @Override
    public EngineSettings load(Path store, Path configFile) {
        AppConfig app = configFile == null ? ConfigFile.defaults(store) : ConfigFile.load(configFile);
        PersistenceConfig persistence = store == null ? app.persistence() : app.persistence().withDirectory(store);
        SinkRegistry registry = app.sinkRegistry(SinkRuntime.create(clock, 1L));
        return new EngineSettings(persistence, new RegistrySinks(registry, clock));
    }

    /** The configured sinks, delivering through the sink layer on the engine's bus. */
    private record RegistrySinks(SinkRegistry registry, Clock clock) implements EngineSettings.Sinks {
        @Override
        public Delivery delivery(EventBus events) {
            return new SinkDelivery(registry, events, clock);
        }

        @Override
        public void close() {
            registry.close();
        }
    }
}
