package dev.batchyard.serve;

import dev.batchyard.config.AppConfig;
import dev.batchyard.config.ConfigFile;
import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.runtime.ConfigFileSetup;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.logging.LogFile;
import dev.batchyard.serve.metrics.ServeMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code batchyard serve} running: the {@code serve} section read, the store opened through the
 * runtime in {@link Mode#service()} (its lock, its loops, the configured sinks, the metrics' store
 * observer), the log file teed with stderr, and the {@link Service} listening. A failed start closes
 * what it opened, in reverse, and throws what the operator must fix: a {@link ConfigException}
 * naming the file, key and what is allowed; {@code StoreLockedException} naming the process that
 * holds the store; an {@link UncheckedIOException} for a port in use.
 *
 * <p>{@link #close()} is the drain: stop accepting and finish the requests under way (up to
 * {@link Service#DRAIN}), then close the store (its loops stop, a checkpoint is written, the lock is
 * released), then the log file. Thread-safe; closing twice is harmless.
 */
public final class Serving implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    private final OpenStore store;
    private final Service service;
    private final LogFile log;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Serving(OpenStore store, Service service, LogFile log) {
        this.store = store;
        this.service = service;
        this.log = log;
    }

    /**
     * Starts serving.
     *
     * @param listen {@code --listen}, or null for {@code serve.listen}
     */
    public static Serving start(StoreLocation where, String listen, Clock clock) {
        ServeSettings settings = settings(where);
        ListenAddress address = listenAddress(settings, listen);
        Exposure.check(address, settings);
        ServeMetrics metrics = new ServeMetrics();
        StoreOpener opener = new StoreOpener(clock, new ConfigFileSetup(clock),
                EngineOptions.defaults().withStoreObserver(metrics.storeObserver()));
        OpenStore store = opener.open(where, Mode.service());
        LogFile log = null;
        try {
            log = logFile(settings, where.directory());
            return new Serving(store, Service.start(settings, address, store, metrics, clock), log);
        } catch (RuntimeException e) {
            try {
                store.close();
            } finally {
                if (log != null) {
                    log.close();
                }
            }
            throw e;
        }
    }

    /** The port the service listens on (the OS's choice for port 0). */
    public int port() {
        return service.port();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        LOG.info("stopping: no new connections; finishing the requests under way");
        try {
            service.close();
        } finally {
            try {
                store.close();
                LOG.info("stopped in {} ms: the store is closed and checkpointed", (System.nanoTime() - started) / 1_000_000);
            } finally {
                log.close();
            }
        }
    }

    private static ServeSettings settings(StoreLocation where) {
        AppConfig config = where.configFile() == null ? ConfigFile.defaults(where.store()) : ConfigFile.load(where.configFile());
        return config.serve();
    }

    private static ListenAddress listenAddress(ServeSettings settings, String listen) {
        if (listen == null) {
            return ListenAddress.parse(settings.listen()); // checked when the section was read
        }
        try {
            return ListenAddress.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--listen", listen, e.getMessage());
        }
    }

    /** Tees stderr into {@code serve.log_file}, or {@code serve.log} in the store, from here on. */
    private static LogFile logFile(ServeSettings settings, Path storeDir) {
        Path file = settings.logFile().orElse(storeDir.resolve("serve.log"));
        try {
            LogFile log = LogFile.teeStandardError(file);
            LOG.info("logging to {} and stderr", file);
            return log;
        } catch (IOException e) {
            throw new ConfigException("serve.log_file", file.toString(), "cannot be written: " + e.getMessage());
        }
    }
}
