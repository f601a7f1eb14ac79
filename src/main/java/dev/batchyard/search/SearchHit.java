package dev.batchyard.search;

import dev.batchyard.engine.BatchView;
import dev.batchyard.model.LogEntry;

/**
 * One entry that matched, with the batch it is in (as it was when read) and its index there, so a
 * tool can open the batch at that entry. Immutable.
 */
public record SearchHit(BatchView batch, int entryIndex, LogEntry entry) {
}
