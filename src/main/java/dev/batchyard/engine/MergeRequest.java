package dev.batchyard.engine;

import java.util.List;

/**
 * Batches of one sink to merge into one new batch, their entries in the order of {@code ids} (see
 * {@link BatchPersistence#merge}).
 *
 * @param dryRun say what would be made, change nothing
 */
public record MergeRequest(List<String> ids, boolean dryRun) {
    public MergeRequest {
        ids = List.copyOf(ids);
    }

    public static MergeRequest of(List<String> ids) {
        return new MergeRequest(ids, false);
    }

    public MergeRequest asDryRun() {
        return new MergeRequest(ids, true);
    }
}
