package dev.batchyard.app;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.StoreLockedException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the engine on the store the command line names. Called off the UI thread: replaying a
 * large store takes a while.
 */
public final class EngineOpener {
    private static final Logger LOG = LoggerFactory.getLogger(EngineOpener.class);

    private final Delivery delivery;
    private final Clock clock;

    public EngineOpener(Delivery delivery, Clock clock) {
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * Opens the store for changes, or read-only with {@code --read-only} (no lock, no loops).
     *
     * @throws StoreLockedException when another process has the store open for changes
     */
    public BatchPersistence open(LaunchOptions options) {
        return open(options, options.readOnly());
    }

    /** Opens read-only: browsing a store another process holds. */
    public BatchPersistence openReadOnly(LaunchOptions options) {
        return open(options, true);
    }

    private BatchPersistence open(LaunchOptions options, boolean readOnly) {
        options.config().ifPresent(file -> LOG.warn(
                "--config {} is not read yet (no config loader in this build); using the Go defaults", file));
        long started = System.nanoTime();
        BatchPersistence engine = BatchPersistence.open(configFor(options), delivery, clock,
                EngineOptions.defaults().withReadOnly(readOnly));
        LOG.info("opened store {}{} in {} ms", options.store(), readOnly ? " read-only" : "",
                (System.nanoTime() - started) / 1_000_000);
        return engine;
    }

    /** The engine's settings for this launch (the table shows TTLs from it). */
    public PersistenceConfig configFor(LaunchOptions options) {
        return PersistenceConfig.defaults(options.store());
    }
}
