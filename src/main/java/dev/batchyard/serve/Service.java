package dev.batchyard.serve;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.serve.auth.BearerTokens;
import dev.batchyard.serve.http.HttpServer;
import dev.batchyard.serve.http.JsonBodies;
import dev.batchyard.serve.http.Route;
import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.LokiIngest;
import dev.batchyard.serve.ingest.LokiRouting;
import dev.batchyard.serve.ingest.PersistedBatchIngest;
import dev.batchyard.serve.metrics.ServeMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of one opened store: the ingest routes, {@code /healthz} and {@code /metrics},
 * behind tokens and roles, on the listen address. The caller opened the store (with
 * {@link ServeMetrics#storeObserver()}) and closes it after this. {@link #close()} stops accepting,
 * finishes the requests under way, and stops taking the store's events.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    /** How long {@link #close()} waits for requests under way: a group commit takes milliseconds. */
    public static final Duration DRAIN = Duration.ofSeconds(10);

    private final HttpServer server;
    private final ServeMetrics metrics;

    private Service(HttpServer server, ServeMetrics metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    /**
     * Starts serving {@code store}.
     *
     * @throws dev.batchyard.engine.ConfigException when {@code listen} is not loopback and TLS or
     *         tokens are missing, or the TLS files cannot be used
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static Service start(ServeSettings settings, ListenAddress listen, ServedStore store, ServeMetrics metrics,
                                Clock clock) {
        Exposure.check(listen, settings);
        JsonBodies json = new JsonBodies();
        BodyLimits limits = new BodyLimits(settings.limits().maxBodyBytes(), settings.limits().maxDecodedBytes());
        LokiIngest loki = new LokiIngest(store::persist, new LokiRouting(settings.lokiSink(), settings.lokiTenants()), clock);
        List<Route> routes = new ArrayList<>();
        routes.add(HealthRoute.of(store::healthProblem, json));
        routes.addAll(IngestRoutes.of(loki, new PersistedBatchIngest(store::persist), limits, json));
        routes.add(metrics.route());
        metrics.watch(store::backlog, () -> store.healthProblem().isEmpty(), store.subscribe(8192), clock);
        HttpServer server;
        try {
            server = HttpServer.start(listen, settings.tls(), routes, new BearerTokens(settings.tokens()),
                    settings.limits(), settings.retryAfter(), metrics.requests(), DRAIN);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        String scheme = settings.tls().isPresent() ? "https" : "http";
        LOG.info("serving on {}://{}:{} ({} token(s); Loki pushes without a tenant go to {})", scheme,
                listen.toString().substring(0, listen.toString().lastIndexOf(':')), server.port(),
                settings.tokens().size(), settings.lokiSink().map(s -> "sink " + s).orElse("no sink: they are refused"));
        if (settings.tokens().isEmpty()) {
            LOG.warn("serve.tokens is empty: anyone who can reach {} may push batches and change the store;"
                    + " add tokens to say who may", listen);
        }
        return new Service(server, metrics);
    }

    /** The port bound (the OS's choice when the configured one was 0). */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            metrics.close();
        }
    }
}
