package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;

/**
 * The rows on screen: the store's batches that pass the filter, in the table's sort order.
 * A round of changes is merged in one pass — the changed rows are sorted among themselves and
 * merged with the untouched ones, O(n + k log k) — and published as one list change holding only
 * the differences ({@link RowList}); a new filter or order is one replacement. The merge and the
 * diff can be worked out off the UI thread ({@link #basis()}, {@link #commit}). A
 * {@code SortedList} would instead shift its index arrays once per changed row, which at 100,000
 * rows and thousands of changes a second is what made the UI stall. UI thread only, but for
 * {@link Basis#prepare}.
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
        publish(basis().prepare(updated, removed).diff);
    }

    /**
     * What a round's merge starts from: the published rows (never changed, only replaced), the
     * filter and the order. Taken on the UI thread; {@link Basis#prepare} may then run on any
     * thread, so that a round costs the UI thread only its changes.
     */
    Basis basis() {
        return new Basis(rows.current(), filter, order);
    }

    /** The rows, filter and order a round was merged against. */
    record Basis(List<BatchView> rows, Predicate<BatchView> filter, Comparator<BatchView> order) {
        /** Merges and diffs a round: any thread (the filter and the order are pure functions of a row). */
        Prepared prepare(Collection<BatchView> updated, Set<String> removed) {
            RoundMerge merged = RoundMerge.of(rows, filter, order, updated, removed);
            return new Prepared(this, RowList.diff(rows, merged.next(), merged.moved()));
        }
    }

    /** A round merged and diffed against a {@link Basis}, ready to publish. */
    record Prepared(Basis basis, RowList.Diff diff) {
    }

    /**
     * Publishes a round prepared off the UI thread; if the rows, the filter or the order changed
     * meanwhile (another round, a new filter), merges it again here instead.
     */
    void commit(Prepared prepared, Collection<BatchView> updated, Set<String> removed) {
        Basis was = prepared.basis();
        if (prepared.diff().startsFrom(rows.current()) && was.filter() == filter && was.order() == order) {
            publish(prepared.diff());
        } else {
            apply(updated, removed);
        }
    }

    private void publish(RowList.Diff diff) {
        replacing.set(true);
        try {
            rows.publish(diff);
        } finally {
            replacing.set(false);
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
