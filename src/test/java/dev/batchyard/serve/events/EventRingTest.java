package dev.batchyard.serve.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventRingTest {
    private static final Duration NO_WAIT = Duration.ZERO;

    private static BatchEvent persisted(int n) {
        return new BatchEvent.Persisted(Instant.EPOCH, "b" + n, "loki", 1, 10);
    }

    private static List<Long> ids(EventRing.Catchup c) {
        return c.events().stream().map(EventRing.Numbered::id).toList();
    }

    @Test
    void eventsAreNumberedOneAfterAnotherFromTheFirstId() throws Exception {
        EventRing inTest = new EventRing(8, 100);
        inTest.add(persisted(1));
        inTest.add(persisted(2));

        EventRing.Catchup all = inTest.after(99, NO_WAIT);

        assertEquals(List.of(100L, 101L), ids(all));
        assertEquals(0, all.missed());
        assertEquals(101, all.resumeAt());
        assertEquals("b1", ((BatchEvent.Persisted) all.events().get(0).event()).id());
    }

    @Test
    void aReaderGetsOnlyWhatCameAfterTheIdItSaw() throws Exception {
        EventRing inTest = new EventRing(8, 1);
        for (int i = 1; i <= 5; i++) {
            inTest.add(persisted(i));
        }

        assertEquals(List.of(4L, 5L), ids(inTest.after(3, NO_WAIT)));
    }

    @Test
    void aReaderThatFellOutOfTheRingIsToldHowManyItMissedAndGoesOnFromTheOldestKept() throws Exception {
        EventRing inTest = new EventRing(4, 1);
        for (int i = 1; i <= 10; i++) {
            inTest.add(persisted(i)); // keeps 7..10
        }

        EventRing.Catchup late = inTest.after(2, NO_WAIT);

        assertEquals(4, late.missed()); // 3, 4, 5, 6
        assertEquals(List.of(7L, 8L, 9L, 10L), ids(late));
    }

    @Test
    void anIdTheRingNeverGaveIsAnUnknownNumberMissedAndEverythingKept() throws Exception {
        EventRing inTest = new EventRing(4, 1000);
        inTest.add(persisted(1));

        EventRing.Catchup fromEarlierRun = inTest.after(5, NO_WAIT);
        EventRing.Catchup fromTheFuture = inTest.after(5000, NO_WAIT);

        assertEquals(EventRing.Catchup.UNKNOWN, fromEarlierRun.missed());
        assertEquals(List.of(1000L), ids(fromEarlierRun));
        assertEquals(EventRing.Catchup.UNKNOWN, fromTheFuture.missed());
        assertEquals(List.of(1000L), ids(fromTheFuture));
    }

    @Test
    void anUnknownIdOnAnEmptyRingResumesJustBeforeTheFirstEvent() throws Exception {
        EventRing inTest = new EventRing(4, 1000);

        EventRing.Catchup c = inTest.after(5, NO_WAIT);

        assertEquals(EventRing.Catchup.UNKNOWN, c.missed());
        assertTrue(c.events().isEmpty());
        assertEquals(999, c.resumeAt());
    }

    @Test
    void aReaderUpToDateWaitsForTheNextEvent() throws Exception {
        EventRing inTest = new EventRing(4, 1);
        CompletableFuture<EventRing.Catchup> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return inTest.after(0, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(waiting.isDone());

        inTest.add(persisted(1));

        assertEquals(List.of(1L), ids(waiting.get(5, TimeUnit.SECONDS)));
    }

    @Test
    void aReaderUpToDateGetsNothingWhenTheWaitIsOver() throws Exception {
        EventRing inTest = new EventRing(4, 1);

        long start = System.nanoTime();
        EventRing.Catchup c = inTest.after(0, Duration.ofMillis(100));

        assertTrue(c.events().isEmpty());
        assertEquals(0, c.missed());
        assertEquals(0, c.resumeAt());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(90).toNanos());
    }

    @Test
    void closingWakesAWaitingReaderAndSaysNoMoreCome() throws Exception {
        EventRing inTest = new EventRing(4, 1);
        CompletableFuture<EventRing.Catchup> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return inTest.after(0, Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);

        inTest.close();

        EventRing.Catchup c = waiting.get(5, TimeUnit.SECONDS);
        assertTrue(c.closed());
        assertTrue(c.events().isEmpty());
    }

    @Test
    void oneReadHandsOutAtMostABatchSoEachSendStaysSmall() throws Exception {
        EventRing inTest = new EventRing(1000, 1);
        for (int i = 1; i <= 600; i++) {
            inTest.add(persisted(i));
        }

        EventRing.Catchup first = inTest.after(0, NO_WAIT);
        EventRing.Catchup second = inTest.after(first.resumeAt(), NO_WAIT);

        assertEquals(EventRing.MAX_BATCH, first.events().size());
        assertEquals(EventRing.MAX_BATCH + 1, second.events().get(0).id());
    }

    @Test
    void aLaterRingOnTheSameClockNumbersAboveAnEarlierOne() {
        Clock t0 = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        Clock t1 = Clock.offset(t0, Duration.ofMillis(1));
        EventRing earlier = EventRing.startingNow(4, t0);
        for (int i = 0; i < 999; i++) {
            earlier.add(persisted(i));
        }

        assertTrue(EventRing.startingNow(4, t1).lastId() > earlier.lastId());
    }

    @Test
    void aRingOfNoSlotsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EventRing(0, 1));
    }
}
