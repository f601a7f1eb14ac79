package dev.batchyard.app.charts;

import dev.batchyard.engine.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.events.SampleEvents;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.model.BatchState;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class PendingHistoryViewModelTest {
    private final MutableClock clock = new MutableClock(SampleEvents.T0);
    private final PendingHistoryViewModel inTest = new PendingHistoryViewModel(clock, Duration.ofSeconds(60));

    @Test
    void eachSecondAddsOneSampleWithEveryState() {
        inTest.accept(Snapshots.stats(5, 1, 2, 3, Map.of()));
        clock.advance(Duration.ofSeconds(1));
        inTest.accept(Snapshots.stats(6, 0, 2, 3, Map.of()));
        assertEquals(2, inTest.samples().size());
        StateSample newest = inTest.samples().get(1);
        assertEquals(SampleEvents.at(1), newest.at());
        assertEquals(6, newest.count(BatchState.PENDING));
        assertEquals(3, newest.count(BatchState.DEAD));
    }

    @Test
    void snapshotsWithinOneSecondReplaceEachOther() {
        inTest.accept(Snapshots.stats(5));
        clock.advance(Duration.ofMillis(400));
        inTest.accept(Snapshots.stats(7));
        clock.advance(Duration.ofMillis(400));
        inTest.accept(Snapshots.stats(9));
        assertEquals(1, inTest.samples().size());
        assertEquals(9, inTest.samples().get(0).count(BatchState.PENDING));
    }

    @Test
    void historyNeverReachesBeyondTheWindow() {
        for (int second = 0; second < 500; second++) {
            inTest.accept(Snapshots.stats(second));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(60, inTest.samples().size());
        assertEquals(440, inTest.samples().get(0).count(BatchState.PENDING));
        assertEquals(499, inTest.samples().get(59).count(BatchState.PENDING));
    }

    @Test
    void aFullWindowMovesOnAsOneChange() {
        for (int second = 0; second < 61; second++) {
            inTest.accept(Snapshots.stats(second));
            clock.advance(Duration.ofSeconds(1));
        }
        AtomicInteger changes = new AtomicInteger();
        inTest.samples().addListener((ListChangeListener<StateSample>) c -> changes.incrementAndGet());
        inTest.accept(Snapshots.stats(99));
        assertEquals(1, changes.get());
    }

    @Test
    void aGapInFeedingDropsWhatFellOutOfTheWindow() {
        inTest.accept(Snapshots.stats(1));
        clock.advance(Duration.ofSeconds(30));
        inTest.accept(Snapshots.stats(2));
        clock.advance(Duration.ofSeconds(45));
        inTest.accept(Snapshots.stats(3));
        assertEquals(2, inTest.samples().size());
        assertEquals(SampleEvents.at(30), inTest.samples().get(0).at());
    }

    @Test
    void statesMissingFromASnapshotCountAsZero() {
        inTest.accept(new StoreStats(Map.of(BatchState.DEAD, 2), Map.of(), 0, 0, 0, null,
                false, true, null));
        assertEquals(0, inTest.samples().get(0).count(BatchState.PENDING));
        assertEquals(2, inTest.samples().get(0).count(BatchState.DEAD));
    }
}
