package dev.batchyard.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class RingListTest {
    private final RingList<Integer> inTest = new RingList<>(5);

    @Test
    void keepsTheNewestItemsInOrderAcrossWrapAround() {
        inTest.append(List.of(1, 2, 3));
        inTest.append(List.of(4, 5, 6, 7));
        inTest.append(List.of(8));
        assertEquals(List.of(4, 5, 6, 7, 8), new ArrayList<>(inTest));
    }

    @Test
    void anAppendLargerThanCapacityKeepsItsTail() {
        inTest.append(List.of(1));
        inTest.append(IntStream.rangeClosed(10, 20).boxed().toList());
        assertEquals(List.of(16, 17, 18, 19, 20), new ArrayList<>(inTest));
    }

    @Test
    void listenersSeeTheDroppedHeadAndTheAddedTailInOneChange() {
        inTest.append(List.of(1, 2, 3, 4));
        List<String> seen = new ArrayList<>();
        inTest.addListener((ListChangeListener<Integer>) change -> {
            seen.add("change");
            while (change.next()) {
                if (change.wasRemoved()) {
                    seen.add("removed " + change.getRemoved() + " at " + change.getFrom());
                }
                if (change.wasAdded()) {
                    seen.add("added " + change.getAddedSubList() + " at " + change.getFrom());
                }
            }
        });
        inTest.append(List.of(5, 6, 7));
        assertEquals(List.of("change", "removed [1, 2] at 0", "added [5, 6, 7] at 2"), seen);
    }

    @Test
    void readingPastTheEndFails() {
        inTest.append(List.of(1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> inTest.get(2));
    }

    @Test
    void isReadOnlyForEveryoneButItsOwner() {
        assertThrows(UnsupportedOperationException.class, () -> inTest.add(1));
    }
}
