package dev.batchyard.engine;

import java.util.List;

/**
 * What an edit did: per batch, what changed and where the version it replaced is kept.
 *
 * @param batches the batches edited, in the order of the request
 */
public record EditResult(List<Edited> batches) {
    public EditResult {
        batches = List.copyOf(batches);
    }

    /**
     * One edited batch.
     *
     * @param id              its id, which it keeps
     * @param previousVersion the id under which the version before the edit is kept, discarded and
     *                        restorable for {@code discard_grace} (restoring it puts it back as {@code id})
     * @param entriesBefore   how many entries it had
     * @param entriesAfter    how many it has now
     * @param changes         what changed, one line each (entry index, field, before → after), at most
     *                        {@link EntryChanges#MAX_LINES} lines, the last saying how many more there were
     */
    public record Edited(String id, String previousVersion, int entriesBefore, int entriesAfter, List<String> changes) {
        public Edited {
            changes = List.copyOf(changes);
        }
    }
}
