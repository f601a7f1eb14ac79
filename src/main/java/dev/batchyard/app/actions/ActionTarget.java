package dev.batchyard.app.actions;

import dev.batchyard.app.batches.ReasonGroup;
import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The exact batches an action will touch, fixed when the operator asks for it: what the
 * confirmation states is what runs, however the table changes meanwhile.
 *
 * @param entries the entries in those batches, for the confirmation
 */
public record ActionTarget(Scope scope, List<String> ids, long entries) {

    /** Where the ids came from (the confirmation's wording). */
    public enum Scope { SELECTION, GROUP, FILTERED }

    public ActionTarget {
        ids = List.copyOf(ids);
    }

    public static ActionTarget of(Scope scope, Collection<BatchView> batches) {
        List<String> ids = new ArrayList<>(batches.size());
        long entries = 0;
        for (BatchView view : batches) {
            ids.add(view.id());
            entries += view.entryCount();
        }
        return new ActionTarget(scope, ids, entries);
    }

    /** As {@link #of(Scope, Collection)}, from batches as a stream brings them (holding their ids, not them). */
    public static ActionTarget of(Scope scope, Stream<BatchView> batches) {
        List<String> ids = new ArrayList<>();
        long[] entries = {0};
        batches.forEach(view -> {
            ids.add(view.id());
            entries[0] += view.entryCount();
        });
        return new ActionTarget(scope, ids, entries[0]);
    }

    public static ActionTarget ofGroups(Collection<ReasonGroup> groups) {
        List<String> ids = new ArrayList<>();
        long entries = 0;
        for (ReasonGroup group : groups) {
            ids.addAll(group.ids());
            entries += group.entries();
        }
        return new ActionTarget(Scope.GROUP, ids, entries);
    }

    public int size() {
        return ids.size();
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }
}
