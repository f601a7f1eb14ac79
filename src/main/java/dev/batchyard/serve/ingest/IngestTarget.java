package dev.batchyard.serve.ingest;

import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import java.util.concurrent.CompletableFuture;

/**
 * Where the ingest routes persist a batch: the calling token's console
 * ({@link dev.batchyard.console.Console#persistAsync}). Refuses at once with the engine's exceptions
 * (back-pressure, a duplicate id, too large); the future completes once the batch is durable, or
 * fails if the store stopped first (a full or failed disk). No thread waits for the group commit.
 */
@FunctionalInterface
public interface IngestTarget {
    CompletableFuture<BatchView> persist(NewBatch batch);
}
