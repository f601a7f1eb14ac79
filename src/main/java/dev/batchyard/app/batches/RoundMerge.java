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

/**
 * The rows after a round of changes, from the rows before it: changed rows sorted among
 * themselves and merged with the untouched ones, O(n + k log k); unsorted, a changed row keeps its
 * place and a new one goes last. A pure function of its inputs, so it may run on any thread.
 *
 * @param next  the new rows
 * @param moved the ids that may have changed place (changed, removed or new): every other row is
 *              in both versions, in the same relative order
 */
record RoundMerge(List<BatchView> next, Set<String> moved) {

    static RoundMerge of(List<BatchView> rows, Predicate<BatchView> filter, Comparator<BatchView> order,
                         Collection<BatchView> updated, Set<String> removed) {
        Map<String, BatchView> touched = new HashMap<>();
        for (BatchView view : updated) {
            touched.put(view.id(), view);
        }
        List<BatchView> next = new ArrayList<>(rows.size() + updated.size());
        if (order == null) {
            keepInPlace(rows, filter, next, touched, removed);
        } else {
            merge(rows, filter, order, next, touched, removed);
        }
        Set<String> moved = new HashSet<>(touched.keySet());
        moved.addAll(removed);
        return new RoundMerge(next, moved);
    }

    private static void keepInPlace(List<BatchView> rows, Predicate<BatchView> filter, List<BatchView> next,
                                    Map<String, BatchView> touched, Set<String> removed) {
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

    private static void merge(List<BatchView> rows, Predicate<BatchView> filter, Comparator<BatchView> order,
                              List<BatchView> next, Map<String, BatchView> touched, Set<String> removed) {
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
}
