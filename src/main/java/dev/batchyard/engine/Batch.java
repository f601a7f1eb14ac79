package dev.batchyard.engine;

import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A stored batch with its entries, read from disk on demand.
 *
 * @param legacyExtras what the importer kept that Batchyard does not model (see {@link NewBatch})
 * @param failures     why single entries failed, by their index in {@code entries} (see {@link NewBatch})
 */
public record Batch(BatchView meta, List<LogEntry> entries, String legacyExtras,
                    SortedMap<Integer, EntryFailure> failures) {
    public Batch {
        entries = List.copyOf(entries);
        legacyExtras = legacyExtras == null ? "" : legacyExtras;
        failures = EntryFailures.copyOf(failures, entries.size(), meta.id());
    }

    public Batch(BatchView meta, List<LogEntry> entries, String legacyExtras) {
        this(meta, entries, legacyExtras, null);
    }

    public Batch(BatchView meta, List<LogEntry> entries) {
        this(meta, entries, "");
    }

    /** Why the entry at {@code index} failed, if a sink or an importer said so. */
    public Optional<EntryFailure> failureOf(int index) {
        return Optional.ofNullable(failures.get(index));
    }

    public String id() {
        return meta.id();
    }

    public String sink() {
        return meta.sink();
    }
}
