package dev.batchyard.app.actions;

import java.util.List;
import java.util.Map;

/**
 * How a bulk action ended.
 *
 * @param refused   why some were not done, with how many each
 * @param untouched ids never tried because the action was cancelled
 * @param doneIds   the ids the action was done to, in the order tried (what an undo takes back)
 */
public record ActionSummary(BulkAction action, int requested, int done, Map<String, Integer> refused,
                            int untouched, boolean cancelled, List<String> doneIds) {
    public ActionSummary {
        refused = Map.copyOf(refused);
        doneIds = List.copyOf(doneIds);
    }

    public int refusedCount() {
        return refused.values().stream().mapToInt(Integer::intValue).sum();
    }
}
