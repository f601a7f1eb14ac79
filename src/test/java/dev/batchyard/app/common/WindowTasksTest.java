package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A window's background work: closing waits for what runs, then nothing more runs or answers. */
class WindowTasksTest {
    private final List<Runnable> uiThread = new ArrayList<>();
    private final BackgroundTaskExecutor pool = new BackgroundTaskExecutor(r -> {
        synchronized (uiThread) {
            uiThread.add(r);
        }
    });

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void closingWaitsForTheWorkInFlight() throws Exception {
        WindowTasks inTest = new WindowTasks(pool, Duration.ofSeconds(5));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        inTest.submit(() -> {
            started.countDown();
            Thread.sleep(300);
            ended.set(true);
            return 1;
        }, r -> { }, e -> { });
        assertTrue(started.await(5, TimeUnit.SECONDS));

        inTest.close();

        assertTrue(ended.get());
        assertEquals(0, inTest.running());
    }

    @Test
    void closingGivesUpAfterTheDrainLimit() throws Exception {
        WindowTasks inTest = new WindowTasks(pool, Duration.ofMillis(100));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        inTest.submit(() -> {
            started.countDown();
            return release.await(10, TimeUnit.SECONDS);
        }, r -> { }, e -> { });
        assertTrue(started.await(5, TimeUnit.SECONDS));

        long before = System.nanoTime();
        inTest.close();

        assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(3));
        assertEquals(1, inTest.running());
        release.countDown();
    }

    @Test
    void workSubmittedAfterClosingIsNotStarted() throws Exception {
        WindowTasks inTest = new WindowTasks(pool, Duration.ofSeconds(1));
        inTest.close();
        AtomicBoolean ran = new AtomicBoolean();

        inTest.submit(() -> ran.getAndSet(true), r -> { }, e -> { });
        Thread.sleep(100);

        assertFalse(ran.get());
    }

    @Test
    void anAnswerArrivingAfterClosingIsDropped() throws Exception {
        WindowTasks inTest = new WindowTasks(pool, Duration.ofSeconds(5));
        AtomicBoolean answered = new AtomicBoolean();
        inTest.submit(() -> 1, r -> answered.set(true), e -> answered.set(true));
        inTest.close(); // the work has ended; its answer waits on the UI thread

        synchronized (uiThread) {
            uiThread.forEach(Runnable::run);
        }

        assertFalse(answered.get());
    }
}
