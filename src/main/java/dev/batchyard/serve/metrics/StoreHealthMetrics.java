package dev.batchyard.serve.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.BooleanSupplier;

/** {@code batchyard_store_healthy}: 1 while the store accepts writes, 0 once it stopped (a failed or full disk). */
public final class StoreHealthMetrics {
    private StoreHealthMetrics() {
    }

    public static void register(PrometheusRegistry registry, BooleanSupplier healthy) {
        GaugeWithCallback.builder().name("batchyard_store_healthy")
                .help("1 while the store accepts writes, 0 once it stopped (see /healthz for why)")
                .callback(cb -> cb.call(healthy.getAsBoolean() ? 1 : 0)).register(registry);
    }
}
