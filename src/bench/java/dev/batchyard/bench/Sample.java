package dev.batchyard.bench;

import dev.batchyard.model.LogEntry;
import java.util.List;

/**
 * One batch's worth of entries, pre-encoded once so designs that store bytes (SQLite, the raw
 * limit, the store's write path) are not charged for work done outside them.
 *
 * @param smile        the entries in the store's codec (what Batchyard writes)
 * @param goFileBytes  size of the seed's {@code batch_<id>.json} for this batch (MarshalIndent)
 */
record Sample(List<LogEntry> entries, byte[] smile, int goFileBytes) {
}
