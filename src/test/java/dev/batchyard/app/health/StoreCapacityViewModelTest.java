package dev.batchyard.app.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.QueuedTaskExecutor;
import dev.batchyard.engine.StoreCapacity;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.i18n.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreCapacityViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final long MIB = 1024 * 1024;
    private final AtomicInteger reads = new AtomicInteger();
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private StoreCapacity capacity = growing();
    private final StoreCapacityViewModel inTest = new StoreCapacityViewModel(() -> {
        reads.incrementAndGet();
        return capacity;
    }, executor, new Formats(new Messages(Locale.ENGLISH), ZoneOffset.UTC));

    /** 25 MiB of 100 MiB, 2,000 of 10,000 batches; 6 MiB and 600 batches in the last 10 minutes; two segments. */
    private static StoreCapacity growing() {
        return new StoreCapacity(NOW, 40 * MIB, 25 * MIB, 100 * MIB, 2_000, 10_000, 6 * MIB, 600,
                StoreCapacity.GROWTH_WINDOW, NOW.minusSeconds(3_600).atOffset(ZoneOffset.UTC),
                NOW.plusSeconds(6 * 86_400 + 23 * 3_600),
                List.of(new StoreCapacity.Segment(1, 32 * MIB, 17 * MIB, false),
                        new StoreCapacity.Segment(2, 8 * MIB, 8 * MIB, true)));
    }

    @Test
    void nothingIsReadWhileTheTabIsBehind() {
        inTest.tick(NOW);
        inTest.tick(NOW.plusSeconds(60));

        assertEquals(0, executor.waiting());
    }

    @Test
    void bringingTheTabToTheFrontReadsOnceInTheBackground() {
        inTest.setShown(true);

        assertEquals(1, executor.waiting());
        assertEquals(0, reads.get());
        executor.runAll();
        assertEquals(1, reads.get());
    }

    @Test
    void theShownTabReadsAgainEveryFiveSecondsNotEverySecond() {
        inTest.tick(NOW);
        inTest.setShown(true);
        executor.runAll();
        for (int s = 1; s < 5; s++) {
            inTest.tick(NOW.plusSeconds(s));
        }
        assertEquals(0, executor.waiting());

        inTest.tick(NOW.plusSeconds(5));
        assertEquals(1, executor.waiting());
    }

    @Test
    void aSlowReadIsNeverJoinedByASecond() {
        inTest.tick(NOW);
        inTest.setShown(true);
        inTest.tick(NOW.plusSeconds(30));
        inTest.setShown(false);
        inTest.setShown(true);

        assertEquals(1, executor.waiting());
    }

    @Test
    void sizeIsShownAgainstBothCaps() {
        show();

        assertEquals(0.25, inTest.bytesShareProperty().get(), 1e-9);
        assertEquals(0.2, inTest.batchesShareProperty().get(), 1e-9);
        assertEquals("25.0 MB of 100.0 MB pending (max_pending_bytes), 25%", inTest.bytesProperty().get());
        assertEquals("2,000 of 10,000 batches pending (max_pending_batches), 20%", inTest.batchesProperty().get());
    }

    @Test
    void theGrowthAndWhenTheStoreIsFullAtThatRate() {
        show();

        assertEquals("Growing by 10.2 KB/s, 1 batches/s (batches created in the last 10 min and still waiting)",
                inTest.growthProperty().get());
        // the bytes come first: 75 MiB left at 10 KiB a second (7,500 s), before 8,000 batches at 1 a second
        assertEquals("Full in 2 h 5 min at this rate", inTest.forecastProperty().get());
    }

    @Test
    void aStoreAtACapSaysItIsFull() {
        capacity = new StoreCapacity(NOW, 1, 1, 100, 10, 10, 0, 0, StoreCapacity.GROWTH_WINDOW, null, null, List.of());
        show();

        assertEquals("Full: new batches are refused until some leave", inTest.forecastProperty().get());
    }

    @Test
    void aBacklogThatIsNotGrowingIsNotForecastToFill() {
        capacity = new StoreCapacity(NOW, 0, 0, 100, 0, 10, 0, 0, StoreCapacity.GROWTH_WINDOW, null, null, List.of());
        show();

        assertEquals("Not growing: no batch created in the last 10 min is still waiting", inTest.growthProperty().get());
        assertEquals("Not filling at this rate", inTest.forecastProperty().get());
        assertEquals("No batch is stored", inTest.oldestProperty().get());
    }

    @Test
    void theOldestBatchAndWhenBatchTtlRemovesIt() {
        show();

        assertEquals("Oldest batch created 1 h 0 min ago; batch_ttl removes it in 6 d 23 h", inTest.oldestProperty().get());
    }

    @Test
    void theSegmentsAndWhatCompactionWouldFree() {
        show();

        assertEquals("40.0 MB on disk in 2 segments; compaction would free 15.0 MB", inTest.diskProperty().get());
        assertEquals(capacity.segments(), inTest.segments());
    }

    @Test
    void aFailedReadSaysWhyAndTheNextReadClearsIt() {
        inTest.tick(NOW);
        inTest.setShown(true);
        StoreCapacityViewModel failing = new StoreCapacityViewModel(() -> {
            throw new StoreException("segment 00000002.seg: cannot list: Permission denied");
        }, executor, new Formats(new Messages(Locale.ENGLISH), ZoneOffset.UTC));
        failing.setShown(true);
        executor.runAll();

        assertEquals("The store's capacity could not be read: The store reported a problem."
                        + " segment 00000002.seg: cannot list: Permission denied",
                failing.failureProperty().get());
        assertEquals("", inTest.failureProperty().get());
    }

    @Test
    void portugueseWordsTheForecast() {
        StoreCapacityViewModel pt = new StoreCapacityViewModel(() -> capacity, executor,
                new Formats(LanguageChoice.messages(Language.BRAZILIAN_PORTUGUESE), ZoneOffset.UTC));
        pt.tick(NOW);
        pt.setShown(true);
        executor.runAll();

        assertEquals("Cheio em 2 h 5 min neste ritmo", pt.forecastProperty().get());
        assertEquals("2.000 de 10.000 lotes pendentes (max_pending_batches), 20%", pt.batchesProperty().get());
    }

    private void show() {
        inTest.tick(NOW);
        inTest.setShown(true);
        executor.runAll();
    }
}
