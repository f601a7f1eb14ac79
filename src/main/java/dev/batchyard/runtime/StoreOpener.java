package dev.batchyard.runtime;

import dev.batchyard.console.Access;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.StoreLockedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that opens Batchyard on a store: configuration, then sinks, then the event bus and
 * the engine, in a {@link Mode}. The window, the CLI and the service all open through here, and
 * reach the store through the {@link OpenStore}'s consoles. A failed open closes what it opened
 * (the sinks' threads, the engine's lock) before it throws. Opening replays the store's log: call it
 * off any UI thread. Thread-safe.
 */
public final class StoreOpener {
    private static final Logger LOG = LoggerFactory.getLogger(StoreOpener.class);

    private final Clock clock;
    private final Setup setup;
    private final EngineOptions options;

    /**
     * Opens with the settings and sinks {@code setup} gives, and the engine's knobs that are not in
     * {@code config.yaml} ({@code options}; each mode decides read-only itself): the service hands in
     * its store observer there, tests a faster recovery tick.
     */
    public StoreOpener(Clock clock, Setup setup, EngineOptions options) {
        this.clock = clock;
        this.setup = setup;
        this.options = options;
    }

    /** Opens with the settings and sinks {@code setup} gives (tests hand in their own). */
    public StoreOpener(Clock clock, Setup setup) {
        this(clock, setup, EngineOptions.defaults());
    }

    /** Opens with {@code config.yaml}'s settings and sinks. */
    public static StoreOpener standard(Clock clock) {
        return new StoreOpener(clock, new ConfigFileSetup(clock));
    }

    /**
     * @throws StoreLockedException when the mode needs the lock and another process holds it
     * @throws NoStoreException when the mode may not create a store and there is none
     * @throws dev.batchyard.engine.ConfigException naming the file and key of a value that cannot be used
     */
    public OpenStore open(StoreLocation where, Mode mode) {
        Settings settings = setup.load(where, mode.demoSinks());
        try {
            PersistenceConfig config = settings.persistence();
            if (!mode.mayCreate()) {
                requireStore(config.directory());
            }
            EventBus events = new EventBus(clock);
            Delivery connected = settings.sinks().connect(events);
            Delivery delivery = mode.sendsBacklog() ? connected : new HeldBacklog(connected);
            long started = System.nanoTime();
            OpenStore store = openEngine(config, delivery, events, settings.sinks(), mode);
            LOG.info("opened store {}{} in {} ms", config.directory(), store.access().writable() ? "" : " read-only",
                    (System.nanoTime() - started) / 1_000_000);
            return store;
        } catch (RuntimeException e) {
            closeAfterFailure(settings, e);
            throw e;
        }
    }

    private OpenStore openEngine(PersistenceConfig config, Delivery delivery, EventBus events, SinkLayer sinks,
                                 Mode mode) {
        if (mode.lock() == Mode.Lock.NONE) {
            return new OpenStore(engine(config, delivery, events, true, mode), sinks, mode.readOnlyReason());
        }
        try {
            return new OpenStore(engine(config, delivery, events, false, mode), sinks, new Access.Writable());
        } catch (StoreLockedException locked) {
            if (mode.lock() == Mode.Lock.REQUIRED) {
                throw locked;
            }
            return new OpenStore(engine(config, delivery, events, true, mode), sinks,
                    new Access.HeldElsewhere(locked.holderPid()));
        }
    }

    /** A replay left running is taken up only by a mode that sends the backlog (the window, serve). */
    private BatchPersistence engine(PersistenceConfig config, Delivery delivery, EventBus events, boolean readOnly,
                                    Mode mode) {
        return BatchPersistence.open(config, delivery, clock, events, options.withReadOnly(readOnly)
                .withResumesReplay(mode.sendsBacklog()));
    }

    private static void requireStore(Path dir) {
        NoStoreException.Problem problem = !Files.exists(dir) ? NoStoreException.Problem.MISSING
                : !Files.isDirectory(dir) ? NoStoreException.Problem.NOT_A_DIRECTORY
                : !Files.isDirectory(dir.resolve("segments")) ? NoStoreException.Problem.NOT_A_STORE : null;
        if (problem != null) {
            throw new NoStoreException(dir, problem);
        }
    }

    private static void closeAfterFailure(Settings settings, RuntimeException failure) {
        try {
            settings.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the open's own failure is the one to report
        }
    }
}
