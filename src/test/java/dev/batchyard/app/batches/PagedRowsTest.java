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

        assertEquals(List.of("set 0..3", "remove 3..1000000"), changes, "one change: the first 3 rows, the rest gone");
        assertEquals(3, inTest.size());
        assertEquals("b-100", inTest.get(0).id());
    }

    @Test
    void aListKeptFromTheChangesAloneIsTheListAfterEachPublish() {
        List<BatchView> mirror = new ArrayList<>();
        inTest.addListener((ListChangeListener<BatchView>) c -> {
            while (c.next()) {
                List<? extends BatchView> removed = c.getRemoved();
                assertEquals(mirror.subList(c.getFrom(), c.getFrom() + removed.size()), new ArrayList<>(removed),
                        "the removed rows are those that were there");
                mirror.subList(c.getFrom(), c.getFrom() + removed.size()).clear();
                mirror.addAll(c.getFrom(), c.getAddedSubList());
            }
        });
        java.util.SplittableRandom random = new java.util.SplittableRandom(23);
        List<BatchView> reread = rows(0, 40);
        for (int round = 0; round < 500; round++) {
            int total = random.nextInt(60);
            int offset = random.nextInt(total + 1);
            int from = random.nextInt(40);
            // now new rows, now the very rows read before (a read of unchanged rows)
            List<BatchView> page = random.nextBoolean() ? rows(1000 * round, random.nextInt(25))
                    : reread.subList(from, Math.min(40, from + random.nextInt(25)));

            inTest.publish(total, offset, page);

            assertEquals(new ArrayList<>(inTest), mirror, "after publishing " + page.size() + " rows at " + offset
                    + " of " + total);
        }
    }

    @Test
    void theRowsOfABigRemovalAreNotCopied() {
        inTest.publish(1_000_000, 499_900, rows(499_900, 230));
        List<List<? extends BatchView>> removed = new ArrayList<>();
        inTest.addListener((ListChangeListener<BatchView>) c -> {
            while (c.next()) {
                removed.add(c.getRemoved());
            }
        });

        inTest.publish(100, 0, rows(7, 100));

        assertEquals(2, removed.size(), "the first 100 rows replaced, the rest removed");
        List<? extends BatchView> gone = removed.get(1);
        assertEquals(999_900, gone.size());
        assertNull(gone.get(0));
        assertEquals("b-499900", gone.get(499_800).id());
        assertTrue(!(gone instanceof ArrayList), "a view of the rows that were, not a copy");
    }

    @Test
    void rowsPastTheTotalAreNotShown() {
        inTest.publish(5, 3, rows(3, 10));

        assertEquals(5, inTest.size());
        assertEquals(3, inTest.start());
        assertEquals(5, inTest.end());
    }

    /** A round read again for events about other batches brings the rows on screen back unchanged: no change. */
    @Test
    void rowsReadAgainUnchangedAreNoChangeAndKeepTheirObjects() {
        inTest.publish(1_000, 0, rows(0, 10));
        BatchView shown = inTest.get(4);
        changes.clear();

        inTest.publish(1_000, 0, rows(0, 10)); // equal rows, new objects

        assertEquals(List.of(), changes);
        assertTrue(shown == inTest.get(4), "the row shown keeps its object");
    }

    @Test
    void onlyTheRangeOfTheRowsThatChangedIsSet() {
        inTest.publish(1_000, 0, rows(0, 10));
        changes.clear();
        List<BatchView> again = new ArrayList<>(rows(0, 10));
        again.set(3, Batches.failing("b-3", "loki", 1, "503"));
        again.set(6, Batches.failing("b-6", "loki", 1, "503"));

        inTest.publish(1_000, 0, again);

        assertEquals(List.of("set 3..7"), changes, "from the first changed row to the last");
        assertEquals(1, inTest.get(3).retryCount());
    }
}
