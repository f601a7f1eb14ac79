package dev.batchyard.serve.metrics;

import dev.batchyard.serve.auth.Access;
import dev.batchyard.serve.http.Answer;
import dev.batchyard.serve.http.Route;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;

/**
 * {@code GET /metrics}: every metric of the registry in the Prometheus text format (0.0.4), for a
 * scraper holding a viewer (or operator) token.
 */
public final class MetricsRoute {
    private MetricsRoute() {
    }

    public static Route of(PrometheusRegistry registry) {
        PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
        return new Route("GET", "/metrics", Access.READ, "metrics", exchange -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            writer.write(out, registry.scrape());
            return new Answer(200, java.util.Map.of(), writer.getContentType(), out.toByteArray());
        });
    }
}
