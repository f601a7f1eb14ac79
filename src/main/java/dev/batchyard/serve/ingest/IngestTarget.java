package dev.batchyard.serve.ingest;

import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;

/**
 * Where the ingest routes persist a batch: the engine, behind whatever assembly opened it. Returns
 * only once the batch is durable; refuses with the engine's exceptions (back-pressure, a full or
 * failed disk, a duplicate id).
 */
@FunctionalInterface
public interface IngestTarget {
    BatchView persist(NewBatch batch);
}
