package dev.batchyard.remote;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.engine.PersistenceConfig;
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

/**
 * A real store and a real {@code serve} on loopback over it, as the command puts them together,
 * for a remote console to talk to: the store's enabled sinks are {@code loki} and {@code archive},
 * which hold every batch and take what an operator retries. Tokens: {@code ana} and {@code ben}
 * (operators), {@code grafana} (viewer). It can be stopped and started again on the same port over
 * the same directory, as a server restarted underneath a client.
 */
final class ServedStore implements AutoCloseable {
    static final List<String> SINKS = List.of("loki", "archive");
    static final Map<String, ServeSettings.Role> TOKENS = Map.of("ana", ServeSettings.Role.OPERATOR,
            "ben", ServeSettings.Role.OPERATOR, "grafana", ServeSettings.Role.VIEWER);

    private final Path directory;
    private final Mode mode;
    private final Optional<ServeSettings.TlsFiles> tls;
    private OpenStore store;
    private Service service;
    private int port;

    /** @param mode {@link Mode#service()} for the writer, {@link Mode#readOnly()} for a browsing copy */
    ServedStore(Path directory, Mode mode, Optional<ServeSettings.TlsFiles> tls) {
        this.directory = directory;
        this.mode = mode;
        this.tls = tls;
        start(0);
    }

    ServedStore(Path directory, Mode mode) {
        this(directory, mode, Optional.empty());
    }

    /** The token of {@code name} (one of {@link #TOKENS}). */
    static String token(String name) {
        return name + "-token-0123456789abcdef";
    }

    static BearerToken bearer(String name) {
        return BearerToken.of(token(name).toCharArray());
    }

    private void start(int onPort) {
        PersistenceConfig config = PersistenceConfig.defaults(directory);
        store = new StoreOpener(Clock.systemUTC(), (where, demo) -> new Settings(config,
                SinkLayer.fixed(new HeldDelivery(SINKS.toArray(String[]::new)), SINKS)))
                .open(StoreLocation.of(directory), mode);
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
    void stop() {
        if (service != null) {
            try {
                service.close();
            } finally {
                store.close();
                service = null;
            }
        }
    }

    /** Opens the store again and serves it on the same port. */
    void restart() {
        stop();
        start(port);
    }

    String url() {
        return (tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + port;
    }

    RemoteEndpoint endpoint(String tokenName) {
        return RemoteEndpoint.of(url(), bearer(tokenName));
    }

    @Override
    public void close() {
        stop();
    }

}
