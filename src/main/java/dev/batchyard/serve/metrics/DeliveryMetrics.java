package dev.batchyard.serve.metrics;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters and states from the engine's events: batches and entries persisted per sink,
 * deliveries, failed attempts and dead letters per sink, each sink's circuit breaker
 * ({@code batchyard_sink_breaker_state}: 0 closed, 1 half open, 2 open), and how many events this
 * subscriber missed (its counts are low by at most that much). Thread-safe; fed by one
 * {@link dev.batchyard.serve.events.EventPump}.
 */
public final class DeliveryMetrics {
    private final Counter persisted;
    private final Counter persistedEntries;
    private final Counter delivered;
    private final Counter failed;
    private final Counter dead;
    private final Counter missed;
    private final Map<String, Integer> breakers = new ConcurrentHashMap<>();

    public DeliveryMetrics(PrometheusRegistry registry) {
        persisted = counter(registry, "batchyard_persisted_batches_total", "Batches persisted, by sink");
        persistedEntries = counter(registry, "batchyard_persisted_entries_total", "Log entries persisted, by sink");
        delivered = counter(registry, "batchyard_deliveries_total", "Batches a sink confirmed, by sink");
        failed = counter(registry, "batchyard_delivery_failures_total", "Failed delivery attempts, by sink");
        dead = counter(registry, "batchyard_dead_lettered_total", "Batches that went DEAD, by sink");
        missed = Counter.builder().name("batchyard_metric_events_missed_total")
                .help("Engine events the metrics were too slow to take; the counters above are low by at most this")
                .withoutExemplars().register(registry);
        GaugeWithCallback.builder().name("batchyard_sink_breaker_state")
                .help("Circuit breaker of each sink that has reported one: 0 closed, 1 half open, 2 open")
                .labelNames("sink").callback(cb -> breakers.forEach((sink, state) -> cb.call(state, sink)))
                .register(registry);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help) {
        return Counter.builder().name(name).help(help).labelNames("sink").withoutExemplars().register(registry);
    }

    void accept(BatchEvent event) {
        if (event instanceof BatchEvent.Persisted p) {
            persisted.labelValues(p.sink()).inc();
            persistedEntries.labelValues(p.sink()).inc(p.entryCount());
        } else if (event instanceof BatchEvent.Delivered d) {
            delivered.labelValues(d.sink()).inc();
        } else if (event instanceof BatchEvent.DeliveryFailed f) {
            failed.labelValues(f.sink()).inc();
        } else if (event instanceof BatchEvent.DeadLettered d) {
            dead.labelValues(d.sink()).inc();
        } else if (event instanceof BatchEvent.SinkHealthChanged h) {
            if (h.health().configured()) {
                breakers.put(h.sink(), breakerState(h.health()));
            } else {
                breakers.remove(h.sink()); // no sink of that name any more, so no breaker
            }
        } else if (event instanceof BatchEvent.Missed m) {
            missed.inc(m.count());
        }
    }

    static int breakerState(SinkHealth health) {
        return switch (health) {
            case OPEN -> 2;
            case HALF_OPEN -> 1;
            case CLOSED, NOT_CONFIGURED -> 0;
        };
    }
}
