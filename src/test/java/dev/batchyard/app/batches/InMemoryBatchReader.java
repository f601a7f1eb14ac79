package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Batch metadata held in a map, read the way the table reads the engine; counts the reads so
 * tests can check that events are coalesced.
 */
final class InMemoryBatchReader implements BatchReader {
    private final Map<String, BatchView> batches = new LinkedHashMap<>();
    int snapshots;
    int finds;

    void put(BatchView... views) {
        for (BatchView view : views) {
            batches.put(view.id(), view);
        }
    }

    void remove(String id) {
        batches.remove(id);
    }

    @Override
    public List<BatchView> snapshot() {
        snapshots++;
        return new ArrayList<>(batches.values());
    }

    @Override
    public Optional<BatchView> find(String id) {
        finds++;
        return Optional.ofNullable(batches.get(id));
    }
}
