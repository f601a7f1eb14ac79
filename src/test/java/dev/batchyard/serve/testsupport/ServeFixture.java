package dev.batchyard.serve.testsupport;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.serve.ServedStore;
import dev.batchyard.serve.Service;
import dev.batchyard.serve.metrics.ServeMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real engine on a temporary store and a real server on a free loopback port, as
 * {@code batchyard serve} puts them together; closed in the order the command closes them.
 */
public final class ServeFixture implements AutoCloseable {
    public static final String OPERATOR_TOKEN = "operator-token-0123456789abcdef";
    public static final String VIEWER_TOKEN = "viewer-token-0123456789abcdef";
    public static final String INGEST_TOKEN = "ingest-token-0123456789abcdef";

    private final PersistenceConfig config;
    private final BatchPersistence engine;
    private final ServeMetrics metrics;
    private final Service service;

    public ServeFixture(Path store, ServeSettings settings) {
        this(PersistenceConfig.defaults(store), settings);
    }

    public ServeFixture(PersistenceConfig config, ServeSettings settings) {
        this.config = config;
        this.metrics = new ServeMetrics();
        this.engine = BatchPersistence.open(config, Delivery.none(), Clock.systemUTC(),
                EngineOptions.defaults().withStoreObserver(metrics.storeObserver()));
        this.service = Service.start(settings, ListenAddress.parse(settings.listen()), ServedStore.of(engine), metrics,
                Clock.systemUTC());
    }

    /** Three tokens (operator, viewer, ingest), loopback on a free port, Loki pushes to {@code loki}. */
    public static ServeSettings withTokens() {
        return settings(List.of(
                new ServeSettings.ApiToken("ops", ServeSettings.Role.OPERATOR, dev.batchyard.sink.Secret.of(OPERATOR_TOKEN)),
                new ServeSettings.ApiToken("grafana", ServeSettings.Role.VIEWER, dev.batchyard.sink.Secret.of(VIEWER_TOKEN)),
                new ServeSettings.ApiToken("promtail", ServeSettings.Role.INGEST, dev.batchyard.sink.Secret.of(INGEST_TOKEN))));
    }

    public static ServeSettings settings(List<ServeSettings.ApiToken> tokens) {
        ServeSettings d = ServeSettings.defaults();
        return new ServeSettings("127.0.0.1:0", Optional.empty(), tokens, Optional.of("loki"),
                Map.of("team-a", "loki_a"), d.limits(), d.retryAfter(), Optional.empty());
    }

    public BatchPersistence engine() {
        return engine;
    }

    public Service service() {
        return service;
    }

    public PersistenceConfig config() {
        return config;
    }

    public int port() {
        return service.port();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            engine.close();
        }
    }
}
