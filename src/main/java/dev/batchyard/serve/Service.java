package dev.batchyard.serve;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreMonitor;
import dev.batchyard.serve.admin.ActionRoutes;
import dev.batchyard.serve.admin.ReadRoutes;
import dev.batchyard.serve.auth.Access;
import dev.batchyard.serve.auth.BearerTokens;
import dev.batchyard.serve.events.EventPump;
import dev.batchyard.serve.events.EventRing;
import dev.batchyard.serve.events.EventStream;
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
 * The HTTP face of one opened store: the ingest routes, the admin API over the console, the event
 * stream, {@code /healthz} and {@code /metrics}, behind tokens and roles, on the listen address.
 * Everything it does to the store goes through a console acting as the calling token
 * ({@link CallerConsoles}); only the metrics and the health check read the store's own
 * {@link StoreMonitor}. The caller opened the store (with {@link ServeMetrics#storeObserver()}, in
 * the runtime's service mode) and closes it after this. {@link #close()} ends the event streams,
 * stops accepting, finishes the requests under way, and closes the consoles.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    /** How long {@link #close()} waits for requests under way: a group commit takes milliseconds. */
    public static final Duration DRAIN = Duration.ofSeconds(10);
    /** Events kept for clients that reconnect ({@code Last-Event-ID}). */
    static final int EVENT_RING = 4096;
    /**
     * How long the event stream's pump lets events gather (see {@link EventPump}): a stream's
     * reader sees an event at most this much later; 4,096 events fit in the mailbox meanwhile.
     */
    static final Duration RING_LINGER = Duration.ofMillis(5);
    /** Event streams open at once: each holds one of the server's threads. */
    static final int MAX_EVENT_STREAMS = 16;

    private final HttpServer server;
    private final ServeMetrics metrics;
    private final EventRing ring;
    private final EventPump ringPump;
    private final CallerConsoles consoles;
    private final List<Route> routes;

    private Service(HttpServer server, ServeMetrics metrics, EventRing ring, EventPump ringPump,
                    CallerConsoles consoles, List<Route> routes) {
        this.server = server;
        this.routes = List.copyOf(routes);
        this.metrics = metrics;
        this.ring = ring;
        this.ringPump = ringPump;
        this.consoles = consoles;
    }

    /**
     * Starts serving {@code store}.
     *
     * @throws dev.batchyard.engine.ConfigException when {@code listen} is not loopback and TLS or
     *         tokens are missing, or the TLS files cannot be used
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static Service start(ServeSettings settings, ListenAddress listen, OpenStore store, ServeMetrics metrics,
                                Clock clock) {
        Exposure.check(listen, settings);
        CallerConsoles consoles = new CallerConsoles(store,
                settings.tokens().stream().map(ServeSettings.ApiToken::name).toList());
        EventPump ringPump = null;
        try {
            JsonBodies json = new JsonBodies();
            BodyLimits limits = new BodyLimits(settings.limits().maxBodyBytes(), settings.limits().maxDecodedBytes());
            StoreMonitor monitor = store.monitor();
            List<Route> routes = new ArrayList<>();
            routes.add(HealthRoute.of(monitor::healthProblem, json));
            routes.addAll(IngestRoutes.of(caller -> consoles.of(caller)::persistAsync,
                    new LokiIngest(new LokiRouting(settings.lokiSink(), settings.lokiTenants()), limits, clock),
                    new PersistedBatchIngest(), limits, json));
            routes.addAll(new ReadRoutes(consoles::of, json, limits).routes());
            routes.addAll(new ActionRoutes(consoles::of, json, limits).routes());
            routes.addAll(new dev.batchyard.serve.admin.ReplayRoutes(consoles::of, json, limits).routes());
            routes.add(metrics.route());
            routes.add(OpenApiRoute.of());
            EventRing ring = EventRing.startingNow(EVENT_RING, clock);
            EventStream events = new EventStream(ring, json, clock, heartbeat(settings.limits().idleTimeout()),
                    MAX_EVENT_STREAMS);
            routes.add(new Route("GET", "/api/v1/events", Access.READ, "events",
                    exchange -> events.answer(exchange.header("Last-Event-ID"))));
            metrics.watch(monitor::backlog, () -> monitor.healthProblem().isEmpty(), consoles.service().subscribe(8192),
                    clock);
            ringPump = new EventPump(consoles.service().subscribe(EVENT_RING), ring::add, RING_LINGER,
                    "batchyard-event-ring");
            HttpServer server = HttpServer.start(listen, settings.tls(), routes, new BearerTokens(settings.tokens()),
                    settings.limits(), settings.retryAfter(), metrics.requests(), DRAIN);
            String scheme = settings.tls().isPresent() ? "https" : "http";
            LOG.info("serving on {}://{}:{} ({} token(s); Loki pushes without a tenant go to {})", scheme,
                    listen.toString().substring(0, listen.toString().lastIndexOf(':')), server.port(),
                    settings.tokens().size(), settings.lokiSink().map(s -> "sink " + s).orElse("no sink: they are refused"));
            if (settings.tokens().isEmpty()) {
                LOG.warn("serve.tokens is empty: anyone who can reach {} may push batches and change the store;"
                        + " add tokens to say who may", listen);
            }
            return new Service(server, metrics, ring, ringPump, consoles, routes);
        } catch (RuntimeException e) {
            try {
                if (ringPump != null) {
                    ringPump.close();
                }
                metrics.close();
            } finally {
                consoles.close();
            }
            throw e;
        }
    }

    /** Often enough that neither the idle timeout nor a proxy ends a quiet event stream. */
    static Duration heartbeat(Duration idleTimeout) {
        long half = idleTimeout.toMillis() / 2;
        return Duration.ofMillis(Math.max(100, Math.min(half, 15_000)));
    }

    /** What this service answers, in the order the server tries them. */
    List<Route> routes() {
        return routes;
    }

    /** The port bound (the OS's choice when the configured one was 0). */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        ring.close(); // the event streams end first, or the server would wait for them
        try {
            server.close();
        } finally {
            try {
                ringPump.close();
            } finally {
                try {
                    metrics.close();
                } finally {
                    consoles.close();
                }
            }
        }
    }
}
