package dev.batchyard.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Formats;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.events.BatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class LiveEventsViewModelTest {
    private static final int CAPACITY = 100;
    private final MutableClock clock = new MutableClock(SampleEvents.T0);
    private final Formats formats = PanelTexts.english();
    private final LiveEventsViewModel inTest = new LiveEventsViewModel(new EventDescriber(formats),
            new AlertCoalescer(formats.messages(), clock, Duration.ofSeconds(10)), CAPACITY);

    @Test
    void rowsAppearInArrivalOrderNumberedFromOne() {
        inTest.apply(SampleEvents.oneOfEach());
        assertEquals(17, inTest.visibleRows().size());
        assertEquals(1, inTest.visibleRows().get(0).sequence());
        assertEquals(EventKind.MISSED, inTest.visibleRows().get(16).kind());
    }

    @Test
    void keepsOnlyTheNewestRowsUpToCapacity() {
        for (int round = 0; round < 3; round++) {
            inTest.apply(SampleEvents.deliveries("r" + round, "loki", 90));
        }
        assertEquals(CAPACITY, inTest.retainedCount());
        assertEquals(270, inTest.receivedProperty().get());
        assertEquals(171, inTest.visibleRows().get(0).sequence());
        assertEquals(270, inTest.visibleRows().get(CAPACITY - 1).sequence());
    }

    @Test
    void aDrainBiggerThanCapacityKeepsItsNewestRows() {
        inTest.apply(SampleEvents.deliveries("big", "loki", 250));
        assertEquals(CAPACITY, inTest.retainedCount());
        assertEquals("big-151", inTest.visibleRows().get(0).batchId());
    }

    @Test
    void aDrainReachesListenersAsAtMostTwoChangesNotOnePerEvent() {
        inTest.apply(SampleEvents.deliveries("a", "loki", 80));
        AtomicInteger changes = new AtomicInteger();
        inTest.visibleRows().addListener((ListChangeListener<EventRow>) c -> {
            while (c.next()) {
                changes.incrementAndGet();
            }
        });
        inTest.apply(SampleEvents.deliveries("b", "loki", 60));
        assertTrue(changes.get() <= 2, "changes: " + changes.get());
    }

    @Test
    void pausingFreezesShownRowsAndCountsNewOnes() {
        inTest.apply(SampleEvents.deliveries("a", "loki", 5));
        inTest.pausedProperty().set(true);
        inTest.apply(SampleEvents.deliveries("b", "loki", 7));
        assertEquals(5, inTest.visibleRows().size());
        assertEquals(7, inTest.newWhilePausedProperty().get());
    }

    @Test
    void resumingAppendsWhatArrivedWhilePausedInOrder() {
        inTest.apply(SampleEvents.deliveries("a", "loki", 5));
        inTest.pausedProperty().set(true);
        inTest.apply(SampleEvents.deliveries("b", "loki", 7));
        inTest.pausedProperty().set(false);
        assertEquals(12, inTest.visibleRows().size());
        assertEquals("b-7", inTest.visibleRows().get(11).batchId());
        assertEquals(0, inTest.newWhilePausedProperty().get());
    }

    @Test
    void aLongPauseHoldsAtMostCapacityRowsButCountsEveryEvent() {
        inTest.pausedProperty().set(true);
        for (int round = 0; round < 5; round++) {
            inTest.apply(SampleEvents.deliveries("r" + round, "loki", 60));
        }
        assertEquals(300, inTest.newWhilePausedProperty().get());
        inTest.pausedProperty().set(false);
        assertEquals(CAPACITY, inTest.retainedCount());
        assertEquals("r4-60", inTest.visibleRows().get(CAPACITY - 1).batchId());
        assertEquals("r3-21", inTest.visibleRows().get(0).batchId());
    }

    @Test
    void filtersNarrowTheRowsAlreadyShown() {
        inTest.apply(SampleEvents.oneOfEach());
        inTest.sinkFilterProperty().set("splunk");
        assertEquals(List.of("b-2", "b-3", "b-5", ""),
                inTest.visibleRows().stream().map(EventRow::batchId).toList());
        inTest.kindFilter().add(EventKind.DEAD_LETTER);
        assertEquals(List.of("b-3"), inTest.visibleRows().stream().map(EventRow::batchId).toList());
        inTest.kindFilter().clear();
        inTest.sinkFilterProperty().set("");
        inTest.textFilterProperty().set("ANA");
        assertEquals(List.of("b-4", "b-5", "b-6", ""),
                inTest.visibleRows().stream().map(EventRow::batchId).toList());
    }

    @Test
    void sinksSeenInEventsAreOfferedSortedOnce() {
        inTest.apply(SampleEvents.oneOfEach());
        inTest.apply(SampleEvents.deliveries("x", "aardvark", 3));
        assertEquals(List.of("aardvark", "elasticsearch", "kafka", "loki", "splunk"), inTest.knownSinks());
    }

    @Test
    void missedEventsAddUpAcrossDrains() {
        inTest.apply(List.of(new BatchEvent.Missed(SampleEvents.T0, 40)));
        inTest.apply(List.of(new BatchEvent.Missed(SampleEvents.T0, 2)));
        assertEquals(42, inTest.missedProperty().get());
        // a remote server that restarted lost an unknown number (-1): the count does not go down
        inTest.apply(List.of(new BatchEvent.Missed(SampleEvents.T0, -1)));
        assertEquals(42, inTest.missedProperty().get());
    }

    @Test
    void deadBatchesInADrainBecomeOneNotice() {
        inTest.apply(List.of(SampleEvents.dead(0, "b-1", "loki"), SampleEvents.dead(0, "b-2", "loki")));
        List<Notice> notices = inTest.dueNotices();
        assertEquals(1, notices.size());
        assertEquals("2 batches went dead on loki", notices.get(0).text());
    }

    @Test
    void aRestartOfTheEngineIsALineBetweenTheEventsBeforeAndAfterItAndOneNotice() {
        inTest.apply(SampleEvents.deliveries("before", "loki", 2));
        inTest.engineRestarted(SampleEvents.T0);
        inTest.apply(SampleEvents.deliveries("after", "loki", 1));

        EventRow line = inTest.visibleRows().get(2);
        assertEquals(EventKind.RECOVERY, line.kind());
        assertEquals(Severity.WARNING, line.severity());
        assertTrue(line.description().startsWith("The engine restarted"), line.description());
        assertEquals(List.of(1L, 2L, 3L, 4L), inTest.visibleRows().stream().map(EventRow::sequence).toList());
        List<Notice> notices = inTest.dueNotices();
        assertEquals(List.of("The engine restarted"), notices.stream().map(Notice::title).toList());
        assertTrue(inTest.dueNotices().isEmpty(), "told once");
    }
}
