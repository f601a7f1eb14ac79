package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ModifiableObservableListBase;

/**
 * The table's rows, updated to a new version as one list change made of only the differences:
 * a changed batch that kept its place is replaced in place, a removed or moved one is removed, a
 * new or moved one is inserted. A round that touches 1,000 of 100,000 rows therefore costs the
 * table 1,000 small sub-changes, not a replacement of everything (which restyles every visible
 * cell and resets the selection). UI thread only.
 */
final class RowList extends ModifiableObservableListBase<BatchView> {
    private final List<BatchView> rows = new ArrayList<>();

    /**
     * Makes this list equal to {@code next}. Rows whose id is not in {@code moved} keep their
     * relative order between the two versions (the caller's merge guarantees it), which is what
     * lets one walk over both lists find the differences.
     *
     * @param moved ids that may have changed place: changed, removed or new rows
     */
    void update(List<BatchView> next, Set<String> moved) {
        Set<String> nextIds = new HashSet<>(next.size() * 2);
        next.forEach(v -> nextIds.add(v.id()));
        beginChange();
        try {
            int i = 0;
            int j = 0;
            while (i < rows.size() || j < next.size()) {
                BatchView old = i < rows.size() ? rows.get(i) : null;
                BatchView now = j < next.size() ? next.get(j) : null;
                if (old != null && now != null && old.id().equals(now.id())) {
                    if (old != now) {
                        set(i, now);
                    }
                    i++;
                    j++;
                } else if (old != null && (now == null || !nextIds.contains(old.id()) || moved.contains(old.id()))) {
                    remove(i);
                } else {
                    add(i, now);
                    i++;
                    j++;
                }
            }
        } finally {
            endChange();
        }
    }

    @Override
    public BatchView get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, BatchView element) {
        rows.add(index, element);
    }

    @Override
    protected BatchView doSet(int index, BatchView element) {
        return rows.set(index, element);
    }

    @Override
    protected BatchView doRemove(int index) {
        return rows.remove(index);
    }
}
