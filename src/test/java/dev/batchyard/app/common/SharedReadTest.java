package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedReadTest {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final AtomicInteger reads = new AtomicInteger();
    private final SharedRead<String> inTest = new SharedRead<>(() -> "answer " + reads.incrementAndGet(),
            Duration.ofMillis(500), nanos::get);

    @Test
    void asksWithinTheFreshTimeShareOneRead() {
        String first = inTest.get();
        nanos.addAndGet(499_000_000L);

        assertSame(first, inTest.get());
        assertEquals(1, reads.get());
    }

    @Test
    void anAskAfterTheFreshTimeReadsAgain() {
        inTest.get();
        nanos.addAndGet(500_000_000L);

        assertEquals("answer 2", inTest.get());
        assertEquals(2, reads.get());
    }

    @Test
    void theFreshTimeCountsFromTheEndOfTheRead() {
        SharedRead<String> slow = new SharedRead<>(() -> {
            nanos.addAndGet(300_000_000L);     // the read itself takes 300 ms
            return "answer " + reads.incrementAndGet();
        }, Duration.ofMillis(500), nanos::get);
        slow.get();
        nanos.addAndGet(400_000_000L);

        assertEquals("answer 1", slow.get());
    }

    @Test
    void aFailedReadIsNotKeptAndTheNextAskReadsAgain() {
        AtomicInteger calls = new AtomicInteger();
        SharedRead<String> flaky = new SharedRead<>(() -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("store closed");
            }
            return "answer " + calls.get();
        }, Duration.ofMillis(500), nanos::get);
        flaky.get();
        nanos.addAndGet(600_000_000L);

        assertThrows(IllegalStateException.class, flaky::get);
        assertEquals("answer 3", flaky.get());
    }

    @Test
    void aSecondAskerWaitsForTheRunningReadInsteadOfStartingAnother() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SharedRead<String> blocking = new SharedRead<>(() -> {
            reading.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "answer " + reads.incrementAndGet();
        }, Duration.ofMillis(500), nanos::get);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(blocking::get);
            assertTrue(reading.await(10, TimeUnit.SECONDS));
            Future<String> second = pool.submit(blocking::get);
            Thread.sleep(50);      // the second asker is now waiting on the first's read
            release.countDown();

            assertEquals("answer 1", first.get(10, TimeUnit.SECONDS));
            assertEquals("answer 1", second.get(10, TimeUnit.SECONDS));
            assertEquals(1, reads.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
