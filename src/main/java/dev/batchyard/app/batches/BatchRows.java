package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every stored batch's metadata as the table last heard of it, by id, in arrival order: the
 * source the visible rows are filtered and sorted from. Updates and removals are O(1) each.
 * UI thread only.
 */
public final class BatchRows {
    private final Map<String, BatchView> byId = new LinkedHashMap<>();

    public void replaceAll(Collection<BatchView> snapshot) {
        byId.clear();
        for (BatchView view : snapshot) {
            byId.put(view.id(), view);
        }
    }

    /** Applies re-read rows (new ones go last) and drops {@code removed}. */
    public void apply(Collection<BatchView> updated, Set<String> removed) {
        for (BatchView view : updated) {
            byId.put(view.id(), view);
        }
        for (String id : removed) {
            byId.remove(id);
        }
    }

    public Collection<BatchView> all() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }
}
