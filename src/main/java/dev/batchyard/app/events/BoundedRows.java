package dev.batchyard.app.events;

import java.util.List;
import javafx.collections.ObservableList;

/**
 * Appends to an observable list that must never hold more than {@code capacity} items, dropping
 * the oldest first. One append is at most two list changes (a removal at the head, an addition
 * at the tail), so listeners see a batch, not one change per row.
 */
final class BoundedRows<T> {
    private final ObservableList<T> target;
    private final int capacity;

    BoundedRows(ObservableList<T> target, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.target = target;
        this.capacity = capacity;
    }

    void append(List<T> items) {
        if (items.isEmpty()) {
            return;
        }
        if (items.size() >= capacity) {
            target.setAll(items.subList(items.size() - capacity, items.size()));
            return;
        }
        int overflow = target.size() + items.size() - capacity;
        if (overflow > 0) {
            target.remove(0, overflow);
        }
        target.addAll(items);
    }

    int capacity() {
        return capacity;
    }
}
