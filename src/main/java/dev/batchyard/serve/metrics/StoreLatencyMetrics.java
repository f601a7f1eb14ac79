package dev.batchyard.serve.metrics;

import dev.batchyard.engine.store.StoreObserver;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The write-ahead log's durable writes as histograms: each fdatasync
 * ({@code batchyard_store_fsync_seconds}), each group commit's latency as its oldest record waited
 * ({@code batchyard_store_group_commit_seconds}: the longest any caller of that group waited for
 * its acknowledgement), and how many records each group carried. Observing is a few atomic adds,
 * cheap enough for the log's writer thread.
 */
public final class StoreLatencyMetrics implements StoreObserver {
    /** 50 µs to 5 s: an SSD's fdatasync is 0.1-2 ms, a busy or network disk's tens to hundreds. */
    private static final double[] SECONDS = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
            0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    private static final double[] RECORDS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 1024};

    private final Histogram fsync;
    private final Histogram commit;
    private final Histogram groupSize;

    public StoreLatencyMetrics(PrometheusRegistry registry) {
        fsync = Histogram.builder().name("batchyard_store_fsync_seconds").unit(Unit.SECONDS)
                .help("Time of one fdatasync of a segment file").classicOnly().classicUpperBounds(SECONDS)
                .withoutExemplars().register(registry);
        commit = Histogram.builder().name("batchyard_store_group_commit_seconds").unit(Unit.SECONDS)
                .help("Time from the oldest record of a group commit being appended to the group being durable")
                .classicOnly().classicUpperBounds(SECONDS).withoutExemplars().register(registry);
        groupSize = Histogram.builder().name("batchyard_store_group_commit_records")
                .help("Records made durable by one group commit").classicOnly().classicUpperBounds(RECORDS)
                .withoutExemplars().register(registry);
    }

    @Override
    public void synced(long nanos) {
        fsync.observe(nanos / 1e9);
    }

    @Override
    public void committed(int frames, long bytes, long oldestWaitNanos, long newestWaitNanos) {
        commit.observe(oldestWaitNanos / 1e9);
        groupSize.observe(frames);
    }
}
