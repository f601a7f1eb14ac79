package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class PagedRowsTest {
    private final PagedRows inTest = new PagedRows();
    private final List<String> changes = new ArrayList<>();

    {
        inTest.addListener((ListChangeListener<BatchView>) c -> {
            while (c.next()) {
                changes.add((c.wasReplaced() ? "set" : c.wasAdded() ? "add" : "remove")
                        + " " + c.getFrom() + ".." + (c.wasAdded() ? c.getTo() : c.getFrom() + c.getRemovedSize())
                        + (c.wasReplaced() && c.getRemovedSize() != c.getAddedSize() ? " of " + c.getRemovedSize() : ""));
            }
        });
    }

    private static List<BatchView> rows(int from, int n) {
        return IntStream.range(from, from + n).mapToObj(i -> pending("b-" + i, "loki")).toList();
    }

    @Test
    void aMillionMatchesAreAMillionRowsOfWhichOnlyTheBlockReadIsHeld() {
        inTest.publish(1_000_000, 500_000, rows(500_000, 300));

        assertEquals(1_000_000, inTest.size());
        assertEquals("b-500000", inTest.get(500_000).id());
        assertEquals("b-500299", inTest.get(500_299).id());
        assertNull(inTest.get(499_999));
        assertNull(inTest.get(500_300));
        assertThrows(IndexOutOfBoundsException.class, () -> inTest.get(1_000_000));
        assertEquals(List.of("add 0..1000000"), changes);
    }

    @Test
    void aNewBlockSetsOnlyTheRowsOfTheOldAndTheNewBlock() {
        inTest.publish(1_000, 0, rows(0, 10));
        changes.clear();

        inTest.publish(1_000, 500, rows(500, 10));

        assertEquals(List.of("set 0..10", "set 500..510"), changes);
        assertNull(inTest.get(0), "let go");
        assertTrue(inTest.loaded(505));
    }

    @Test
    void fewerMatchesRemoveRowsAtTheEndInOneChange() {
        inTest.publish(1_000_000, 0, rows(0, 10));
        changes.clear();

        inTest.publish(3, 0, rows(100, 3));

        assertEquals(List.of("set 0..3 of 1000000"), changes, "one change: the first 3 rows for the million");
        assertEquals(3, inTest.size());
        assertEquals("b-100", inTest.get(0).id());
    }

    @Test
    void rowsPastTheTotalAreNotShown() {
        inTest.publish(5, 3, rows(3, 10));

        assertEquals(5, inTest.size());
        assertEquals(3, inTest.start());
        assertEquals(5, inTest.end());
    }
}
