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
 * and resets the selection). The differences ({@link Diff}) can be worked out on any thread from
 * {@link #current()}, which is never changed once published; firing them is UI thread only.
 */
final class RowList extends ObservableListBase<BatchView> {
    private List<BatchView> rows = List.of();

    /** One sub-change, at its position in the list as built so far. */
    private record Step(Kind kind, int at, BatchView was) {
        enum Kind { SET, REMOVE, ADD }
    }

    /** The way from {@link #from} to {@link #to}, as the steps of one list change. */
    static final class Diff {
        private final List<BatchView> from;
        private final List<BatchView> to;
        private final List<Step> steps;

        private Diff(List<BatchView> from, List<BatchView> to, List<Step> steps) {
            this.from = from;
            this.to = to;
            this.steps = steps;
        }

        /** Whether this diff starts from {@code rows} (the very list, not an equal one). */
        boolean startsFrom(List<BatchView> rows) {
            return from == rows;
        }
    }

    /**
     * Works out the way from {@code old} to {@code next}. Rows whose id is not in {@code moved}
     * keep their relative order between the two versions (the caller's merge guarantees it), which
     * lets one walk over both lists find the differences without a look-up of every row. Any
     * thread; {@code next} must not be changed afterwards.
     */
    static Diff diff(List<BatchView> old, List<BatchView> next, Set<String> moved) {
        List<Step> steps = new ArrayList<>();
        int built = 0;
        int i = 0;
        int j = 0;
        while (i < old.size() || j < next.size()) {
            BatchView was = i < old.size() ? old.get(i) : null;
            BatchView now = j < next.size() ? next.get(j) : null;
            if (was != null && now != null && was.id().equals(now.id())) {
                if (was != now) {
                    steps.add(new Step(Step.Kind.SET, built, was));
                }
                built++;
                i++;
                j++;
            } else if (was != null && (now == null || moved.contains(was.id()))) {
                // a row that did not move is in both versions in the same relative order, so it
                // can only differ from the next row here if that one moved: only moved rows go
                steps.add(new Step(Step.Kind.REMOVE, built, was));
                i++;
            } else {
                steps.add(new Step(Step.Kind.ADD, built, null));
                built++;
                j++;
            }
        }
        return new Diff(old, next, steps);
    }

    /** The published rows: never changed, only replaced, so other threads may read them. */
    List<BatchView> current() {
        return rows;
    }

    /** Replaces everything: for a new filter or order, where most rows may have moved. */
    void replaceAll(Collection<BatchView> next) {
        List<BatchView> old = rows;
        rows = List.copyOf(next);
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

    /** Makes this list equal to {@code next}; see {@link #diff}. */
    void update(List<BatchView> next, Set<String> moved) {
        publish(diff(rows, next, moved));
    }

    /** Fires a diff worked out from the current rows as one list change. */
    void publish(Diff diff) {
        if (!diff.startsFrom(rows)) {
            throw new IllegalStateException("the rows changed since this diff was worked out");
        }
        rows = diff.to;
        beginChange();
        try {
            for (Step step : diff.steps) {
                switch (step.kind()) {
                    case SET -> nextSet(step.at(), step.was());
                    case REMOVE -> nextRemove(step.at(), step.was());
                    case ADD -> nextAdd(step.at(), step.at() + 1);
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
