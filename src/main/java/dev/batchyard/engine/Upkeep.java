package dev.batchyard.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's timed upkeep on one daemon thread: a cleanup pass every {@code cleanup_interval}
 * and the store's maintenance (compaction, checkpoint) every maintenance interval. It knows when
 * the next cleanup runs, for the status bar and {@code stats}. Thread-safe.
 */
final class Upkeep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Upkeep.class);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, daemon("batchyard-upkeep"));
    private final Clock clock;
    private final Duration cleanupInterval;
    private volatile Instant nextCleanup;

    Upkeep(Clock clock, Duration cleanupInterval) {
        this.clock = clock;
        this.cleanupInterval = cleanupInterval;
    }

    void start(Runnable cleanupPass, Runnable maintenancePass, Duration maintenanceInterval) {
        long cleanupMillis = cleanupInterval.toMillis();
        nextCleanup = clock.instant().plus(cleanupInterval);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                cleanupPass.run();
            } catch (RuntimeException e) {
                LOG.error("cleanup pass failed", e);
            }
            nextCleanup = clock.instant().plus(cleanupInterval);
        }, cleanupMillis, cleanupMillis, TimeUnit.MILLISECONDS);
        long upkeep = maintenanceInterval.toMillis();
        scheduler.scheduleWithFixedDelay(maintenancePass, upkeep, upkeep, TimeUnit.MILLISECONDS);
    }

    /** When the next cleanup pass runs; {@code null} when the loops were never started (read-only). */
    Instant nextCleanup() {
        return nextCleanup;
    }

    /** Lets a running pass finish (a checkpoint is never interrupted), then stops. */
    @Override
    public void close() {
        scheduler.shutdown(); // not shutdownNow: an interrupt would break a checkpoint being written
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Threads that never keep the JVM alive, named for thread dumps. */
    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
