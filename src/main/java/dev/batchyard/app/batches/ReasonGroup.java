package dev.batchyard.app.batches;

import java.time.Instant;
import java.util.List;

/**
 * Batches that failed the same way.
 *
 * @param reason    the normalised reason ({@code ""} for batches that have none)
 * @param example   one raw reason of the group, to show what was masked
 * @param ids       the group's batch ids, the target of a group action
 * @param firstSeen the earliest failure (last attempt, else creation) in the group
 * @param lastSeen  the latest
 */
public record ReasonGroup(String reason, String example, List<String> ids, long entries,
                          Instant firstSeen, Instant lastSeen) {
    public ReasonGroup {
        ids = List.copyOf(ids);
    }

    public int count() {
        return ids.size();
    }
}
