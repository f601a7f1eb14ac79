package dev.batchyard.serve.metrics;

import dev.batchyard.engine.SinkBacklog;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.engine.store.StoreObserver;
import dev.batchyard.serve.events.EventPump;
import dev.batchyard.serve.http.RequestObserver;
import dev.batchyard.serve.http.Route;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Every metric {@code serve} exposes, in one registry of its own (no global state): made before the
 * engine opens, as the store's latency observer must be handed to it then
 * ({@link #storeObserver()}), and then {@link #watch watching} the opened store. Close it to stop
 * taking the engine's events.
 */
public final class ServeMetrics implements AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final StoreLatencyMetrics store = new StoreLatencyMetrics(registry);
    private final RequestMetrics requests = new RequestMetrics(registry);
    private final DeliveryMetrics deliveries = new DeliveryMetrics(registry);
    /** Counters a scraper reads every few seconds may lag the events by this much (see {@link EventPump}). */
    static final Duration EVENT_LINGER = Duration.ofMillis(20);

    private EventPump pump;

    /** For {@code EngineOptions.withStoreObserver}: fsync and group-commit latencies. */
    public StoreObserver storeObserver() {
        return store;
    }

    public RequestObserver requests() {
        return requests;
    }

    /** Starts reading the opened store: its backlog and health at each scrape, its events as they come. */
    public synchronized void watch(Supplier<List<SinkBacklog>> backlog, BooleanSupplier healthy, EventSubscription events,
                                   Clock clock) {
        if (pump != null) {
            throw new IllegalStateException("these metrics already watch a store");
        }
        registry.register(new BacklogMetrics(backlog, clock));
        StoreHealthMetrics.register(registry, healthy);
        pump = new EventPump(events, deliveries::accept, EVENT_LINGER, "batchyard-metrics-events");
    }

    /** {@code GET /metrics}. */
    public Route route() {
        return MetricsRoute.of(registry);
    }

    @Override
    public synchronized void close() {
        if (pump != null) {
            pump.close();
        }
    }
}
