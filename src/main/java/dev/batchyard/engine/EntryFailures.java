package dev.batchyard.engine;

import dev.batchyard.model.EntryFailure;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The per-entry failures of a {@link NewBatch} or {@link Batch}: an unmodifiable copy, checked against the entries. */
final class EntryFailures {
    private EntryFailures() {
    }

    /** @throws IllegalArgumentException naming the batch when an index is outside its entries */
    static SortedMap<Integer, EntryFailure> copyOf(Map<Integer, EntryFailure> failures, int entryCount, String batchId) {
        if (failures == null || failures.isEmpty()) {
            return Collections.emptySortedMap();
        }
        TreeMap<Integer, EntryFailure> copy = new TreeMap<>();
        failures.forEach((index, failure) -> {
            if (index == null || index < 0 || index >= entryCount) {
                throw new IllegalArgumentException("batch '" + batchId + "' has a failure for entry " + index
                        + " but " + entryCount + " entries");
            }
            if (failure == null) {
                throw new IllegalArgumentException("batch '" + batchId + "' has no failure for entry " + index);
            }
            copy.put(index, failure);
        });
        return Collections.unmodifiableSortedMap(copy);
    }
}
