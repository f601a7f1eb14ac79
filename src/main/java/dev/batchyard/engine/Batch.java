package dev.batchyard.engine;

import dev.batchyard.model.LogEntry;
import java.util.List;

/** A stored batch with its entries, read from disk on demand. */
public record Batch(BatchView meta, List<LogEntry> entries) {
    public Batch {
        entries = List.copyOf(entries);
    }

    public String id() {
        return meta.id();
    }

    public String sink() {
        return meta.sink();
    }
}
