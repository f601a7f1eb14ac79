package dev.batchyard.app.actions;

import java.util.Map;

/**
 * How a bulk action ended.
 *
 * @param refused   why some were not done, with how many each
 * @param untouched ids never tried because the action was cancelled
 */
public record ActionSummary(BulkAction action, int requested, int done, Map<String, Integer> refused,
                            int untouched, boolean cancelled) {
    public ActionSummary {
        refused = Map.copyOf(refused);
    }

    public int refusedCount() {
        return refused.values().stream().mapToInt(Integer::intValue).sum();
    }
}
