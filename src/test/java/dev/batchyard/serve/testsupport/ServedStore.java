package dev.batchyard.serve.testsupport;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.remote.BearerToken;
import dev.batchyard.remote.RemoteEndpoint;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.HeldDelivery;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.SinkLayer;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.serve.Service;
import dev.batchyard.serve.metrics.ServeMetrics;
import dev.batchyard.sink.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A real store and a real {@code serve} on loopback over it, as the command puts them together,
 * for a remote console to talk to: the store's enabled sinks are {@code loki} and {@code archive},
 * which hold every batch and take what an operator retries. Tokens: {@code ana} and {@code ben}
 * (operators), {@code grafana} (viewer). It can be stopped and started again on the same port over
 * the same directory, as a server restarted underneath a client. Used by the remote console's tests
 * and by the window's tests over a remote connection ({@link #seed} fills a store before it is served).
 */
public final class ServedStore implements AutoCloseable {
    /** Batches the store takes before it refuses more: room for a window bench's 1,000,000 and some. */
    public static final int MAX_PENDING_BATCHES = 2_000_000;
    public static final List<String> SINKS = List.of("loki", "archive");
    public static final Map<String, ServeSettings.Role> TOKENS = Map.of("ana", ServeSettings.Role.OPERATOR,
            "ben", ServeSettings.Role.OPERATOR, "grafana", ServeSettings.Role.VIEWER);

    private final Path directory;
    private final Mode mode;
    private final Optional<ServeSettings.TlsFiles> tls;
    private OpenStore store;
    private Service service;
    private int port;

    /** @param mode {@link Mode#service()} for the writer, {@link Mode#readOnly()} for a browsing copy */
    public ServedStore(Path directory, Mode mode, Optional<ServeSettings.TlsFiles> tls) {
        this.directory = directory;
        this.mode = mode;
        this.tls = tls;
        start(0);
    }

    public ServedStore(Path directory, Mode mode) {
        this(directory, mode, Optional.empty());
    }

    /** The token of {@code name} (one of {@link #TOKENS}). */
    public static String token(String name) {
        return name + "-token-0123456789abcdef";
    }

    public static BearerToken bearer(String name) {
        return BearerToken.of(token(name).toCharArray());
    }

    /**
     * Fills the store in {@code directory} through the engine before it is served (far faster than
     * over HTTP): {@code fill} gets the engine, which is closed when it returns. The engine delivers
     * nothing meanwhile.
     */
    public static void seed(Path directory, Consumer<BatchPersistence> fill) {
        try (BatchPersistence engine = BatchPersistence.open(config(directory), new HeldDelivery(
                SINKS.toArray(String[]::new)), Clock.systemUTC(), new EventBus(Clock.systemUTC()),
                EngineOptions.defaults())) {
            fill.accept(engine);
        }
    }

    private static PersistenceConfig config(Path directory) {
        PersistenceConfig d = PersistenceConfig.defaults(directory);
        return new PersistenceConfig(true, directory, MAX_PENDING_BATCHES, d.batchTimeout(), d.maxRecoveryRetries(),
                d.recoveryBackoffBase(), d.recoveryBackoffMax(), d.cleanupInterval(), d.batchTtl(), d.maxBatchBytes(),
                d.maxPendingBytes(), d.deadBatchTtl(), d.maxDeadBatches(), d.discardGrace(), d.requeueLoopLimit());
    }

    private StoreOpener opener() {
        PersistenceConfig config = config(directory);
        return new StoreOpener(Clock.systemUTC(), (where, demo) -> new Settings(config,
                SinkLayer.fixed(new HeldDelivery(SINKS.toArray(String[]::new)), SINKS)));
    }

    private void start(int onPort) {
        store = opener().open(StoreLocation.of(directory), mode);
        ServeSettings d = ServeSettings.defaults();
        List<ServeSettings.ApiToken> tokens = TOKENS.entrySet().stream().map(t -> new ServeSettings.ApiToken(t.getKey(),
                t.getValue(), Secret.of(token(t.getKey())))).toList();
        ServeSettings settings = new ServeSettings("127.0.0.1:" + onPort, tls, tokens, Optional.of("loki"), Map.of(),
                d.limits(), d.retryAfter(), Optional.empty());
        try {
            service = Service.start(settings, ListenAddress.parse(settings.listen()), store, new ServeMetrics(),
                    Clock.systemUTC());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        port = service.port();
    }

    /** Stops the server and closes the store, as a SIGTERM would. */
    public void stop() {
        if (service != null) {
            try {
                service.close();
            } finally {
                store.close();
                service = null;
            }
        }
    }

    /**
     * While the server is stopped, another process changes the store: it is opened as the server
     * opens it, {@code change} gets a console over it acting as {@code actor}, and it is closed again.
     */
    public void changeWhileStopped(Actor actor, Consumer<Console> change) {
        if (service != null) {
            throw new IllegalStateException("the server is running: stop it first");
        }
        try (OpenStore other = opener().open(StoreLocation.of(directory), mode); Console console = other.console(actor)) {
            change.accept(console);
        }
    }

    /** Opens the store again and serves it on the same port. */
    public void restart() {
        stop();
        start(port);
    }

    public String url() {
        return (tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + port;
    }

    public RemoteEndpoint endpoint(String tokenName) {
        return RemoteEndpoint.of(url(), bearer(tokenName));
    }

    @Override
    public void close() {
        stop();
    }

}
