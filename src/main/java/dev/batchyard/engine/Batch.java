package dev.batchyard.engine;

import dev.batchyard.model.LogEntry;
import java.util.List;

/**
 * A stored batch with its entries, read from disk on demand.
 *
 * @param legacyExtras what the importer kept that Batchyard does not model (see {@link NewBatch})
 */
public record Batch(BatchView meta, List<LogEntry> entries, String legacyExtras) {
    public Batch {
        entries = List.copyOf(entries);
        legacyExtras = legacyExtras == null ? "" : legacyExtras;
    }

    public Batch(BatchView meta, List<LogEntry> entries) {
        this(meta, entries, "");
    }

    public String id() {
        return meta.id();
    }

    public String sink() {
        return meta.sink();
    }
}
