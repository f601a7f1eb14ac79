package dev.batchyard.runtime;

import dev.batchyard.config.AppConfig;
import dev.batchyard.config.ConfigFile;
import dev.batchyard.demo.DemoSinks;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The production {@link Setup}: {@code config.yaml}'s {@code persistence} and {@code sinks} sections
 * (or the Go defaults and no sinks without a file), {@code --store} overriding the configured
 * directory. The sinks are built here, so a bad sink is reported before anything is opened, as a
 * {@link ConfigException} naming the file and the key; what was built for them is closed again.
 */
public final class ConfigFileSetup implements Setup {
    private final Clock clock;
    private final long seed;

    /** @param seed what makes simulated sinks repeatable */
    public ConfigFileSetup(Clock clock, long seed) {
        this.clock = clock;
        this.seed = seed;
    }

    public ConfigFileSetup(Clock clock) {
        this(clock, System.nanoTime());
    }

    @Override
    public Settings load(StoreLocation where, boolean demoSinks) {
        AppConfig app = where.configFile() == null ? ConfigFile.defaults(where.store()) : ConfigFile.load(where.configFile());
        PersistenceConfig persistence = where.store() == null ? app.persistence()
                : app.persistence().withDirectory(where.store());
        SinkRuntime runtime = SinkRuntime.create(clock, seed);
        try {
            SinkRegistry registry = demoSinks ? DemoSinks.registry(runtime) : sinks(app, runtime);
            return new Settings(persistence, SinkLayer.configured(registry, clock));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * The sinks of {@code app}'s {@code sinks} section, sharing {@code runtime}.
     *
     * @throws ConfigException naming {@code app}'s file and the sink's key
     */
    public static SinkRegistry sinks(AppConfig app, SinkRuntime runtime) {
        try {
            Path folder = app.source() == null ? null : app.source().toAbsolutePath().getParent();
            return SinkConfig.read(app.sinks(), runtime, folder == null ? Path.of("") : folder);
        } catch (ConfigException e) {
            throw app.source() == null ? e : e.inFile(app.source());
        }
    }
}
