package dev.batchyard.sink;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What sinks share: the clock, a scheduler (timers, simulated latency), an executor for blocking
 * file I/O, and the seed that makes simulated sinks repeatable. Threads are daemons so a forgotten
 * close never keeps the JVM alive; {@link #close()} stops them.
 */
public record SinkRuntime(Clock clock, ScheduledExecutorService scheduler, ExecutorService io, long seed)
        implements AutoCloseable {

    public static SinkRuntime create(Clock clock, long seed) {
        return new SinkRuntime(clock, Executors.newScheduledThreadPool(2, named("sink-timer")),
                Executors.newCachedThreadPool(named("sink-io")), seed);
    }

    /** A repeatable random source for one named sink. */
    public java.util.Random randomFor(String sinkName) {
        return new java.util.Random(seed * 31 + sinkName.hashCode());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        io.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
