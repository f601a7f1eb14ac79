package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.batchyard.model.BatchState;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The oldest creation time: kept while it can be, found again when it cannot, never kept wrong. */
class LiveTallyTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 3, 7, 0, 0, 0, ZoneOffset.UTC);
    private static final BatchMeta META = new BatchMeta("loki", BatchState.PENDING, 0, null, "", null, List.of());

    private static StoredBatch batch(String id, int secondsAfterT0) {
        return new StoredBatch(id, T0.plusSeconds(secondsAfterT0), Map.of(), 1, META, new Location(1, 16, 100));
    }

    @Test
    void aPassThatAChangeOvertookIsAnsweredButNotKept() {
        LiveTally inTest = new LiveTally();
        StoredBatch a = batch("a", 1);
        StoredBatch b = batch("b", 2);
        StoredBatch c = batch("c", 3);
        inTest.added(a);
        inTest.added(b);
        inTest.added(c);
        inTest.removed(a); // the oldest left: the next read passes

        // the writer removes b while the reader's pass is past it: the pass's answer is already wrong
        Iterable<StoredBatch> passOvertaken = () -> new Iterator<>() {
            private final Iterator<StoredBatch> rows = List.of(b, c).iterator();

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public StoredBatch next() {
                StoredBatch next = rows.next();
                if (next == c) {
                    inTest.removed(b);
                }
                return next;
            }
        };
        assertEquals(b.createdAt(), inTest.oldest(passOvertaken), "answered as the pass found it");
        assertEquals(c.createdAt(), inTest.oldest(List.of(c)), "not kept: the next read passes again");
        assertEquals(c.createdAt(), inTest.oldest(List.of()), "kept once nothing overtook the pass");
    }

    @Test
    void theOldestIsKeptAcrossNewerBatchesAndMovesToAnOlderOne() {
        LiveTally inTest = new LiveTally();
        assertNull(inTest.oldest(List.of()));
        inTest.added(batch("b", 5));
        inTest.added(batch("c", 9));
        assertEquals(T0.plusSeconds(5), inTest.oldest(List.of()), "known without a pass");
        inTest.added(batch("imported", 1));
        assertEquals(T0.plusSeconds(1), inTest.oldest(List.of()));
        inTest.removed(batch("c", 9));
        assertEquals(T0.plusSeconds(1), inTest.oldest(List.of()), "a newer batch leaving moves nothing");
    }
}
