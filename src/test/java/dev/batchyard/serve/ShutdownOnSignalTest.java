package dev.batchyard.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The drain that SIGTERM runs: its exit status, and its bound. */
class ShutdownOnSignalTest {
    private PrintStream savedErr;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void captureStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(savedErr);
    }

    @Test
    void aDrainThatEndsIsStatusZero() {
        assertEquals(0, ShutdownOnSignal.drain(() -> { }, Duration.ofSeconds(5)));
    }

    @Test
    void aDrainThatFailsIsStatusOneAndSaysWhy() {
        assertEquals(1, ShutdownOnSignal.drain(() -> {
            throw new IllegalStateException("disk gone");
        }, Duration.ofSeconds(5)));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("disk gone"));
    }

    @Test
    void aHungDrainEndsAtTheBoundWithStatusOne() {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();

        int status = ShutdownOnSignal.drain(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(300));

        assertEquals(1, status);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("stopping took longer than"));
    }
}
