package dev.batchyard.app.detail;

import dev.batchyard.engine.Batch;
import java.util.Optional;

/** Reads one batch with its entries from the store (off the UI thread: entries come from disk). */
@FunctionalInterface
public interface BatchLoader {
    Optional<Batch> load(String id);
}
