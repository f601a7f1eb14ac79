package dev.batchyard.app.search;

import dev.batchyard.model.BatchState;
import java.time.OffsetDateTime;

/** One search hit as the hits table shows it: where it is and what the entry says. Immutable. */
public record HitRow(String batchId, String sink, BatchState state, int entryIndex, OffsetDateTime timestamp,
                     String level, String message) {
}
