package dev.batchyard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.model.BatchState;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {
    /** What the store was handed, in order; answers as persistBatch would. */
    private final List<NewBatch> persisted = new CopyOnWriteArrayList<>();
    private final TrafficGenerator.BatchWriter store = b -> {
        persisted.add(b);
        return new BatchView(b.id(), b.sink(), BatchState.PENDING, b.entries().size(), 0,
                java.time.OffsetDateTime.now(), null, 0, "", null, b.context(), List.of());
    };
    private TrafficGenerator inTest;

    @AfterEach
    void stop() {
        if (inTest != null) {
            inTest.close();
        }
    }

    private TrafficGenerator generator(TrafficGenerator.BatchWriter writer, double rate) {
        inTest = new TrafficGenerator(writer, DemoSinks.names(), rate, 5, Clock.systemUTC(), 42);
        return inTest;
    }

    @Test
    void generateOncePersistsOneBatchForOneOfTheSinks() {
        generator(store, 10).generateOnce();

        assertEquals(1, persisted.size());
        assertEquals(5, persisted.get(0).entries().size());
        assertTrue(DemoSinks.names().contains(persisted.get(0).sink()));
        assertEquals(1, inTest.stats().batches());
        assertEquals(5, inTest.stats().entries());
    }

    @Test
    void spreadsBatchesOverEverySink() {
        generator(store, 10);
        for (int i = 0; i < 60; i++) {
            inTest.generateOnce();
        }

        assertEquals(Set.copyOf(DemoSinks.names()), Set.copyOf(persisted.stream().map(NewBatch::sink).toList()));
        assertEquals(60, Set.copyOf(persisted.stream().map(NewBatch::id).toList()).size());
    }

    @Test
    void neverRunsAheadOfTheConfiguredRate() throws Exception {
        long started = System.nanoTime();
        generator(store, 50).start();
        awaitPersisted(10);
        inTest.stop();
        double seconds = (System.nanoTime() - started) / 1e9;

        assertTrue(persisted.size() <= seconds * 50 + 2, persisted.size() + " batches in " + seconds + " s at 50/s");
    }

    @Test
    void persistsNothingOnceStopped() throws Exception {
        generator(store, 200).start();
        awaitPersisted(5);
        inTest.stop();
        int made = persisted.size();
        Thread.sleep(100);

        assertEquals(made, persisted.size());
        assertFalse(inTest.isRunning());
    }

    private void awaitPersisted(int n) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (persisted.size() < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("only " + persisted.size() + " batches after 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void newRateAppliesWhileRunning() throws Exception {
        generator(store, 0.1).start();
        awaitPersisted(1);
        inTest.setRate(200);
        awaitPersisted(20);
        inTest.stop();

        assertEquals(200, inTest.stats().batchesPerSecond());
    }

    @Test
    void backPressureIsCountedAndGenerationGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        generator(b -> {
            if (calls.incrementAndGet() <= 3) {
                throw new BackPressureException("store full: 1000 pending batches (max_pending_batches)");
            }
            return store.persist(b);
        }, 100).start();
        awaitPersisted(3);
        inTest.stop();

        assertEquals(3, inTest.stats().rejected());
        assertTrue(inTest.stats().lastError().contains("store full"));
    }

    @Test
    void refusesARateOutOfRange() {
        generator(store, 10);
        assertThrows(IllegalArgumentException.class, () -> inTest.setRate(0));
        assertThrows(IllegalArgumentException.class, () -> inTest.setRate(5000));
    }
}
