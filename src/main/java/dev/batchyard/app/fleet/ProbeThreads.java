package dev.batchyard.app.fleet;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the fleet's probes run: a thread each, not the app's small task pool, so a server that
 * hangs holds up only its own probe, never the window's reads or another connection's probe.
 */
public interface ProbeThreads extends AutoCloseable {

    /** Starts {@code probe} now on a thread of its own; the future cancels it if it has not started. */
    Future<?> start(Runnable probe);

    @Override
    void close();

    /**
     * Daemon threads made as needed and kept a minute when idle: as many at once as connections
     * being probed (the fleet starts at most one probe per connection, see {@link FleetPoller}).
     */
    static ProbeThreads daemons() {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "batchyard-fleet-probe-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new ProbeThreads() {
            @Override
            public Future<?> start(Runnable probe) {
                return pool.submit(probe);
            }

            @Override
            public void close() {
                // no interrupt: it would close the file channels of a store a probe reads in this
                // process; the threads are daemons and end with their probes
                pool.shutdown();
            }
        };
    }
}
