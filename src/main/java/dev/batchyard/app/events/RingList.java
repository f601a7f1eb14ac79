package dev.batchyard.app.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableListBase;

/**
 * A read-only observable list that holds at most {@code capacity} items in a circular array:
 * appending past capacity drops the oldest. An append costs time in proportion to the items
 * added, not to the size of the list (an {@code ObservableArrayList} shifts every element for a
 * removal at the head), and listeners see it as one change: a removal at the head and an addition
 * at the tail.
 *
 * <p>Not thread-safe: FX thread only.
 */
final class RingList<E> extends ObservableListBase<E> {
    private final Object[] slots;
    private int head;
    private int size;

    RingList(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.slots = new Object[capacity];
    }

    /** Adds {@code items} at the end, oldest first, dropping from the front what no longer fits. */
    void append(List<? extends E> items) {
        if (items.isEmpty()) {
            return;
        }
        List<? extends E> kept = items.size() > capacity() ? items.subList(items.size() - capacity(), items.size())
                : items;
        int overflow = Math.max(0, size + kept.size() - capacity());
        beginChange();
        if (overflow > 0) {
            List<E> removed = new ArrayList<>(subList(0, overflow));
            for (int i = 0; i < overflow; i++) {
                slots[(head + i) % slots.length] = null;
            }
            head = (head + overflow) % slots.length;
            size -= overflow;
            nextRemove(0, removed);
        }
        int from = size;
        for (E item : kept) {
            slots[(head + size) % slots.length] = item;
            size++;
        }
        nextAdd(from, size);
        endChange();
    }

    int capacity() {
        return slots.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) slots[(head + index) % slots.length];
    }

    @Override
    public int size() {
        return size;
    }
}
