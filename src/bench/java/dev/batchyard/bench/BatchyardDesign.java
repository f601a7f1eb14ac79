package dev.batchyard.bench;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Batchyard end to end, default durable settings; only {@code max_pending_batches} is raised. */
final class BatchyardDesign implements Design {
    static final int NO_LIMIT = 50_000_000;

    private final BatchPersistence engine;

    BatchyardDesign(Path directory) {
        engine = BatchPersistence.open(config(directory), Delivery.none(), Clock.systemUTC(), EngineOptions.defaults());
    }

    static PersistenceConfig config(Path directory) {
        return new PersistenceConfig(true, directory, NO_LIMIT, Duration.ofMinutes(30), 10,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24),
                PersistenceConfig.DEFAULT_MAX_BATCH_BYTES, Long.MAX_VALUE);
    }

    static Design.Factory factory() {
        return new Design.Factory() {
            @Override
            public String name() {
                return "batchyard";
            }

            @Override
            public Design open(Path directory) {
                return new BatchyardDesign(directory);
            }
        };
    }

    @Override
    public void persist(String id, Sample batch) {
        engine.persistBatch(id, batch.entries(), SamplePool.SINK);
    }

    @Override
    public void succeed(String id) {
        engine.markBatchSuccess(id);
    }

    @Override
    public void fail(String id, String reason) {
        engine.markBatchFailed(id, reason);
    }

    @Override
    public void close() {
        engine.close();
    }
}
