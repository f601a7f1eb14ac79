package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The table's rows, moved to a new version as one list change made of only the differences:
 * a changed batch that kept its place is a set, a removed or moved one a remove, a new or moved
 * one an add. A round that touches 1,000 of 100,000 rows therefore costs the table 1,000 small
 * sub-changes, not a replacement of everything (which re-binds and restyles every visible cell
 * and resets the selection). The new version is built in one pass, so the diff is O(n) with no
 * element shifting. UI thread only.
 */
final class RowList extends ObservableListBase<BatchView> {
    private List<BatchView> rows = new ArrayList<>();

    /** Replaces everything: for a new filter or order, where most rows may have moved. */
    void replaceAll(Collection<BatchView> next) {
        List<BatchView> old = rows;
        rows = new ArrayList<>(next);
        beginChange();
        try {
            if (!old.isEmpty()) {
                nextRemove(0, old);
            }
            if (!rows.isEmpty()) {
                nextAdd(0, rows.size());
            }
        } finally {
            endChange();
        }
    }

    /**
     * Makes this list equal to {@code next}. Rows whose id is not in {@code moved} keep their
     * relative order between the two versions (the caller's merge guarantees it), which is what
     * lets one walk over both lists find the differences without a look-up of every row.
     *
     * @param moved ids that may have changed place: changed, removed or new rows
     */
    void update(List<BatchView> next, Set<String> moved) {
        List<BatchView> old = rows;
        List<BatchView> built = new ArrayList<>(next.size());
        rows = built; // sub-change positions below are positions in the list as built so far
        beginChange();
        try {
            int i = 0;
            int j = 0;
            while (i < old.size() || j < next.size()) {
                BatchView was = i < old.size() ? old.get(i) : null;
                BatchView now = j < next.size() ? next.get(j) : null;
                if (was != null && now != null && was.id().equals(now.id())) {
                    if (was != now) {
                        nextSet(built.size(), was);
                    }
                    built.add(now);
                    i++;
                    j++;
                } else if (was != null && (now == null || moved.contains(was.id()))) {
                    // a row that did not move is in both versions in the same relative order, so it
                    // can only differ from the next row here if that one moved: only moved rows go
                    nextRemove(built.size(), was);
                    i++;
                } else {
                    nextAdd(built.size(), built.size() + 1);
                    built.add(now);
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
}
