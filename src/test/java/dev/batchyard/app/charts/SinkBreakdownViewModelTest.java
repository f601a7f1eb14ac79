package dev.batchyard.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class SinkBreakdownViewModelTest {
    private final SinkBreakdownViewModel inTest = new SinkBreakdownViewModel();

    @Test
    void sinksAreListedByNameWithTheirCounts() {
        inTest.accept(Snapshots.stats(0, 0, 0, 0, Map.of("splunk", 4, "loki", 9, "elasticsearch", 1)));
        assertEquals(List.of(new SinkCount("elasticsearch", 1), new SinkCount("loki", 9), new SinkCount("splunk", 4)),
                inTest.counts());
    }

    @Test
    void aSinkThatEmptiesKeepsItsBarAtZero() {
        inTest.accept(Snapshots.stats(0, 0, 0, 0, Map.of("splunk", 4, "loki", 9)));
        inTest.accept(Snapshots.stats(0, 0, 0, 0, Map.of("splunk", 2)));
        assertEquals(List.of(new SinkCount("loki", 0), new SinkCount("splunk", 2)), inTest.counts());
    }

    @Test
    void aNewSinkSlotsInByName() {
        inTest.accept(Snapshots.stats(0, 0, 0, 0, Map.of("splunk", 4, "elasticsearch", 9)));
        inTest.accept(Snapshots.stats(0, 0, 0, 0, Map.of("loki", 1)));
        assertEquals(List.of("elasticsearch", "loki", "splunk"), inTest.counts().stream().map(SinkCount::sink).toList());
    }

    @Test
    void anUnchangedSnapshotChangesNothing() {
        inTest.accept(Snapshots.stats(0, 0, 0, 0, Map.of("splunk", 4, "loki", 9)));
        AtomicInteger changes = new AtomicInteger();
        inTest.counts().addListener((ListChangeListener<SinkCount>) c -> changes.incrementAndGet());
        inTest.accept(Snapshots.stats(0, 0, 0, 0, Map.of("splunk", 4, "loki", 9)));
        assertEquals(0, changes.get());
    }
}
