package dev.batchyard.app.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class RowListTest {

    @Test
    void anUpdateEndsEqualToTheNewVersionInOneChange() {
        Random random = new Random(3);
        RowList inTest = new RowList();
        List<BatchView> current = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            current.add(Batches.view("b" + i, "loki", BatchState.PENDING, random.nextInt(5), "", java.time.Instant.EPOCH));
        }
        inTest.replaceAll(current);
        int[] changes = new int[1];
        List<BatchView> mirror = new ArrayList<>(current);
        inTest.addListener((ListChangeListener<BatchView>) c -> {
            changes[0]++;
            replay(c, mirror);
        });
        Comparator<BatchView> byRetries = Comparator.comparingInt(BatchView::retryCount).thenComparing(BatchView::id);
        for (int round = 0; round < 50; round++) {
            List<BatchView> next = new ArrayList<>(current);
            Set<String> moved = new HashSet<>();
            for (int k = 0; k < 20; k++) {
                int at = random.nextInt(next.size());
                String id = next.get(at).id();
                moved.add(id);
                switch (random.nextInt(3)) {
                    case 0 -> next.remove(at);
                    case 1 -> next.set(at, Batches.view(id, "loki", BatchState.PENDING, random.nextInt(5), "", java.time.Instant.EPOCH));
                    default -> {
                        String fresh = "n" + round + "-" + k;
                        moved.add(fresh);
                        next.add(Batches.view(fresh, "es", BatchState.PENDING, random.nextInt(5), "", java.time.Instant.EPOCH));
                    }
                }
            }
            next.sort(byRetries);
            List<BatchView> previous = new ArrayList<>(inTest);
            previous.sort(byRetries);
            inTest.replaceAll(previous);
            changes[0] = 0;
            inTest.update(next, moved);
            assertEquals(next, List.copyOf(inTest), "round " + round);
            assertEquals(next, mirror, "round " + round + ": the change, applied to the old rows, gives the new ones");
            assertEquals(1, changes[0], "one list change per update");
            current = next;
        }
    }

    /** Applies a change the way a table would, from the old rows and the change alone. */
    private static void replay(ListChangeListener.Change<? extends BatchView> c, List<BatchView> mirror) {
        while (c.next()) {
            if (c.wasPermutated()) {
                throw new AssertionError("rows are never permutated");
            }
            for (int k = 0; k < c.getRemovedSize(); k++) {
                assertEquals(c.getRemoved().get(k), mirror.remove(c.getFrom()), "removed row");
            }
            mirror.addAll(c.getFrom(), c.getAddedSubList());
        }
    }
}
