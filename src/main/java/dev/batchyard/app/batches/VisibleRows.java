package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;

/**
 * The rows on screen: the store's batches that pass the filter, in the table's sort order.
 * A round of changes is merged in one pass — the changed rows are sorted among themselves and
 * merged with the untouched ones, O(n + k log k) — and published as one list change holding only
 * the differences ({@link RowList}); a new filter or order is one replacement. A
 * {@code SortedList} would instead shift its index arrays once per changed row, which at 100,000
 * rows and thousands of changes a second is what made the UI stall. UI thread only.
 */
public final class VisibleRows {
    private final RowList rows = new RowList();
    private final ReadOnlyBooleanWrapper replacing = new ReadOnlyBooleanWrapper();
    private Predicate<BatchView> filter = v -> true;
    private Comparator<BatchView> order;

    public ObservableList<BatchView> list() {
        return rows;
    }

    /** Recomputes everything from {@code all}: after a snapshot, a new filter or a new order. */
    public void rebuild(Collection<BatchView> all, Predicate<BatchView> filter, Comparator<BatchView> order) {
        this.filter = filter;
        this.order = order;
        List<BatchView> next = new ArrayList<>(all.size());
        for (BatchView view : all) {
            if (filter.test(view)) {
                next.add(view);
            }
        }
        if (order != null) {
            next.sort(order);
        }
        replacing.set(true);
        try {
            rows.replaceAll(next); // a new filter or order: everything may change, one replacement is right
        } finally {
            replacing.set(false);
        }
    }

    /** Merges a round of changes: {@code updated} rows (new or changed) and {@code removed} ids. */
    public void apply(Collection<BatchView> updated, Set<String> removed) {
        Map<String, BatchView> touched = new HashMap<>();
        for (BatchView view : updated) {
            touched.put(view.id(), view);
        }
        List<BatchView> next = new ArrayList<>(rows.size() + updated.size());
        if (order == null) {
            keepInPlace(next, touched, removed);
        } else {
            merge(next, touched, removed);
        }
        Set<String> moved = new HashSet<>(touched.keySet());
        moved.addAll(removed);
        replacing.set(true);
        try {
            rows.update(next, moved);
        } finally {
            replacing.set(false);
        }
    }

    /** Unsorted: changed rows stay where they are, new ones go last. */
    private void keepInPlace(List<BatchView> next, Map<String, BatchView> touched, Set<String> removed) {
        Map<String, BatchView> pending = new HashMap<>(touched);
        for (BatchView view : rows) {
            if (removed.contains(view.id())) {
                continue;
            }
            BatchView newer = pending.remove(view.id());
            BatchView keep = newer != null ? newer : view;
            if (newer == null || filter.test(keep)) {
                next.add(keep);
            }
        }
        for (BatchView view : pending.values()) {
            if (!removed.contains(view.id()) && filter.test(view)) {
                next.add(view);
            }
        }
    }

    private void merge(List<BatchView> next, Map<String, BatchView> touched, Set<String> removed) {
        List<BatchView> incoming = new ArrayList<>();
        for (BatchView view : touched.values()) {
            if (!removed.contains(view.id()) && filter.test(view)) {
                incoming.add(view);
            }
        }
        incoming.sort(order);
        Set<String> skip = new HashSet<>(touched.keySet());
        skip.addAll(removed);
        int i = 0;
        for (BatchView view : rows) {
            if (skip.contains(view.id())) {
                continue;
            }
            while (i < incoming.size() && order.compare(incoming.get(i), view) < 0) {
                next.add(incoming.get(i++));
            }
            next.add(view);
        }
        while (i < incoming.size()) {
            next.add(incoming.get(i++));
        }
    }

    /**
     * True while the list is being replaced: a table loses its selection on a replace-all, so its
     * view remembers the selected ids when this turns true and restores them after.
     */
    public ReadOnlyBooleanProperty replacingProperty() {
        return replacing.getReadOnlyProperty();
    }
}
