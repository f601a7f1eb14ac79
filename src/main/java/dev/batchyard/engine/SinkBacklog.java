package dev.batchyard.engine;

import dev.batchyard.model.BatchState;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What one sink has waiting in one state: how many batches, their bytes on disk, and when the
 * oldest of them was created. A row of {@link BatchPersistence#backlog()}.
 */
public record SinkBacklog(String sink, BatchState state, int batches, long bytes, OffsetDateTime oldestCreated) {
    public SinkBacklog {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(oldestCreated, "oldestCreated");
    }
}
