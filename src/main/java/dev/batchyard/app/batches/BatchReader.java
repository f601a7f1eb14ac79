package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import java.util.List;
import java.util.Optional;

/**
 * What the batches table reads from the store: a full snapshot, and one batch's current metadata.
 * Both are called off the UI thread.
 */
public interface BatchReader {

    List<BatchView> snapshot();

    Optional<BatchView> find(String id);

    static BatchReader of(BatchPersistence engine) {
        return new BatchReader() {
            @Override
            public List<BatchView> snapshot() {
                return engine.query(BatchQuery.all());
            }

            @Override
            public Optional<BatchView> find(String id) {
                return engine.find(id);
            }
        };
    }
}
