package dev.batchyard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ActionPreviewTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 2, 4, 0, 0, 0, ZoneOffset.UTC);

    private static BatchView batch(String id, String sink, BatchState state, int entries, long bytes) {
        return new BatchView(id, sink, state, entries, bytes, T0, null, 0, "", null, null, null);
    }

    @Test
    void inFlightAndDeadBatchesAreCountedApart() {
        ActionPreview inTest = ActionPreview.of(Stream.of(
                batch("a", "loki", BatchState.IN_FLIGHT, 1, 10),
                batch("b", "loki", BatchState.DEAD, 2, 20),
                batch("c", "kafka", BatchState.DEAD, 3, 30),
                batch("d", "kafka", BatchState.PENDING, 4, 40)));

        assertEquals(4, inTest.batches());
        assertEquals(1, inTest.inFlight());
        assertEquals(2, inTest.dead());
        assertEquals(10, inTest.entries());
        assertEquals(100, inTest.bytes());
    }

    @Test
    void aBatchFoundTwiceAndAnIdAskedTwiceCountOnce() {
        BatchView a = batch("a", "loki", BatchState.PENDING, 5, 50);

        ActionPreview inTest = ActionPreview.of(List.of(a, a), List.of("a", "x", "a", "x"));

        assertEquals(1, inTest.batches());
        assertEquals(5, inTest.entries());
        assertEquals(List.of("x"), inTest.notStored());
    }

    @Test
    void sinksAreListedByName() {
        ActionPreview inTest = ActionPreview.of(Stream.of(
                batch("a", "splunk", BatchState.PENDING, 1, 1),
                batch("b", "elastic", BatchState.PENDING, 1, 1),
                batch("c", "kafka", BatchState.PENDING, 1, 1)));

        assertEquals(List.of("elastic", "kafka", "splunk"), List.copyOf(inTest.perSink().keySet()));
    }
}
