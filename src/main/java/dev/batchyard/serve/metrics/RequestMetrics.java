package dev.batchyard.serve.metrics;

import dev.batchyard.serve.http.RequestObserver;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Requests by route and status code ({@code batchyard_http_requests_total}; the ingest routes are
 * {@code loki_push} and {@code batches_create}), and how long they took by route, body reading and
 * the wait for durability included ({@code batchyard_http_request_duration_seconds}).
 */
public final class RequestMetrics implements RequestObserver {
    private static final double[] SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final Counter requests;
    private final Histogram durations;

    public RequestMetrics(PrometheusRegistry registry) {
        requests = Counter.builder().name("batchyard_http_requests_total")
                .help("HTTP requests answered, by route and status code").labelNames("route", "code")
                .withoutExemplars().register(registry);
        durations = Histogram.builder().name("batchyard_http_request_duration_seconds").unit(Unit.SECONDS)
                .help("Time to answer an HTTP request, by route").labelNames("route").classicOnly()
                .classicUpperBounds(SECONDS).withoutExemplars().register(registry);
    }

    @Override
    public void answered(String route, int status, long nanos) {
        requests.labelValues(route, Integer.toString(status)).inc();
        durations.labelValues(route).observe(nanos / 1e9);
    }
}
