package dev.batchyard.app;

import dev.batchyard.config.AppConfig;
import dev.batchyard.config.ConfigFile;
import dev.batchyard.demo.DemoSinks;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.sink.ConfiguredSink;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the engine on the store the command line names, with the sinks of {@code --config} (or
 * the simulated demo sinks with {@code --demo}) delivering on the engine's event bus. Called off
 * the UI thread: replaying a large store takes a while.
 */
public final class EngineOpener {
    private static final Logger LOG = LoggerFactory.getLogger(EngineOpener.class);

    private final Clock clock;

    public EngineOpener(Clock clock) {
        this.clock = clock;
    }

    /**
     * Opens the store for changes, or read-only with {@code --read-only} (no lock, no loops).
     *
     * @throws StoreLockedException when another process has the store open for changes
     * @throws dev.batchyard.engine.ConfigException naming the file and key when the configuration is invalid
     */
    public OpenedStore open(LaunchOptions options) {
        return open(options, options.readOnly());
    }

    /** Opens read-only (no lock, no loops): browsing a copy, or a store by choice. */
    public OpenedStore openReadOnly(LaunchOptions options) {
        return open(options, true, -1);
    }

    /** Opens read-only because {@code locked} says another process holds the store; remembers which. */
    public OpenedStore openReadOnly(LaunchOptions options, StoreLockedException locked) {
        return open(options, true, locked.holderPid());
    }

    private OpenedStore open(LaunchOptions options, boolean readOnly) {
        return open(options, readOnly, -1);
    }

    private OpenedStore open(LaunchOptions options, boolean readOnly, long lockHolderPid) {
        AppConfig app = options.config().map(ConfigFile::load).orElseGet(() -> ConfigFile.defaults(options.store()));
        PersistenceConfig persistence = options.storeGiven() || options.config().isEmpty()
                ? app.persistence().withDirectory(options.store()) : app.persistence();
        SinkRuntime runtime = SinkRuntime.create(clock, System.nanoTime());
        SinkRegistry registry = options.demo() ? DemoSinks.registry(runtime)
                : app.sinkRegistry(runtime);
        EventBus events = new EventBus(clock);
        SinkDelivery delivery = new SinkDelivery(registry, events, clock);
        long started = System.nanoTime();
        try {
            BatchPersistence engine = BatchPersistence.open(persistence, delivery, clock, events,
                    EngineOptions.defaults().withReadOnly(readOnly));
            LOG.info("opened store {}{} in {} ms", persistence.directory(), readOnly ? " read-only" : "",
                    (System.nanoTime() - started) / 1_000_000);
            return new OpenedStore(engine, delivery, registry,
                    registry.sinks().stream().map(ConfiguredSink::name).toList(), lockHolderPid);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }
}
