package dev.batchyard.serve.metrics;

import dev.batchyard.engine.SinkBacklog;
import dev.batchyard.model.BatchState;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What waits in the store, read at each scrape in one pass: batches and their bytes per sink and
 * state ({@code batchyard_batches}, {@code batchyard_batch_bytes}; {@code state} is
 * {@code pending}, {@code in_flight}, {@code retry_wait} or {@code dead}), and the age of each
 * sink's oldest batch ({@code batchyard_oldest_batch_age_seconds}).
 */
public final class BacklogMetrics implements MultiCollector {
    private final Supplier<List<SinkBacklog>> backlog;
    private final Clock clock;

    public BacklogMetrics(Supplier<List<SinkBacklog>> backlog, Clock clock) {
        this.backlog = backlog;
        this.clock = clock;
    }

    @Override
    public MetricSnapshots collect() {
        GaugeSnapshot.Builder batches = GaugeSnapshot.builder().name("batchyard_batches")
                .help("Stored batches by sink and state");
        GaugeSnapshot.Builder bytes = GaugeSnapshot.builder().name("batchyard_batch_bytes").unit(Unit.BYTES)
                .help("Bytes on disk of the stored batches, by sink and state");
        GaugeSnapshot.Builder age = GaugeSnapshot.builder().name("batchyard_oldest_batch_age_seconds").unit(Unit.SECONDS)
                .help("Age of the oldest stored batch of each sink");
        Map<String, OffsetDateTime> oldest = new HashMap<>();
        for (SinkBacklog row : backlog.get()) {
            Labels labels = Labels.of("sink", row.sink(), "state", state(row.state()));
            batches.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(row.batches()).build());
            bytes.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(row.bytes()).build());
            oldest.merge(row.sink(), row.oldestCreated(), (a, b) -> a.isBefore(b) ? a : b);
        }
        oldest.forEach((sink, created) -> age.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("sink", sink))
                .value(Math.max(0, Duration.between(created.toInstant(), clock.instant()).toMillis() / 1000.0)).build()));
        return new MetricSnapshots(batches.build(), bytes.build(), age.build());
    }

    static String state(BatchState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
