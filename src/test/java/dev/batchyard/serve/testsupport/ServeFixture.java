package dev.batchyard.serve.testsupport;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.SinkLayer;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.serve.Service;
import dev.batchyard.serve.metrics.ServeMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real store opened through the runtime in service mode on a temporary directory (its sinks,
 * {@link #SINKS}, deliver nothing: batches stay pending) and a real server on a free loopback port, as
 * {@code batchyard serve} puts them together; closed in the order the command closes them. The
 * test's own {@link #console()} (actor {@value #TEST_ACTOR}) reads what the server stored.
 */
public final class ServeFixture implements AutoCloseable {
    public static final String OPERATOR_TOKEN = "operator-token-0123456789abcdef";
    public static final String VIEWER_TOKEN = "viewer-token-0123456789abcdef";
    public static final String INGEST_TOKEN = "ingest-token-0123456789abcdef";

    public static final String TEST_ACTOR = "test";
    /** The sinks the fixture's store knows: the default Loki sink, team-a's, and a reroute target. */
    public static final List<String> SINKS = List.of("loki", "loki_a", "archive");

    private final PersistenceConfig config;
    private final OpenStore store;
    private final Console console;
    private final ServeMetrics metrics;
    private final Service service;

    public ServeFixture(Path store, ServeSettings settings) {
        this(PersistenceConfig.defaults(store), settings);
    }

    public ServeFixture(PersistenceConfig config, ServeSettings settings) {
        this.config = config;
        this.metrics = new ServeMetrics();
        this.store = new StoreOpener(Clock.systemUTC(),
                (where, demo) -> new Settings(config, SinkLayer.fixed(new HeldSinks(Set.copyOf(SINKS)), SINKS)),
                EngineOptions.defaults().withStoreObserver(metrics.storeObserver()))
                .open(StoreLocation.of(config.directory()), Mode.service());
        this.console = store.console(new Actor(TEST_ACTOR));
        try {
            this.service = Service.start(settings, ListenAddress.parse(settings.listen()), store, metrics,
                    Clock.systemUTC());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
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

    /** The test's own console on the served store. */
    public Console console() {
        return console;
    }

    /** Every stored batch, oldest first. */
    public List<BatchView> stored() {
        try (var all = console.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, 1000)) {
            return all.toList();
        }
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
            try {
                console.close();
            } finally {
                store.close();
            }
        }
    }
}
