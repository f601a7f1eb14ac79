package dev.batchyard.app.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One window's share of the app's {@link TaskExecutor}: it counts the window's work in flight so
 * that closing the window can wait for it before the console it reads goes (a stats read of the
 * charts still running would otherwise fail on a closed console). Closed, it starts no more work
 * and drops the answers of work that ends later: there is no window left to show them in.
 *
 * <p>Thread-safe: work is submitted and the window closed on the UI thread, work ends on the
 * executor's threads.
 */
public final class WindowTasks implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WindowTasks.class);

    private final TaskExecutor executor;
    private final Duration drainLimit;
    private int running;
    private boolean closed;

    /** @param drainLimit how long {@link #close()} waits for the work in flight */
    public WindowTasks(TaskExecutor executor, Duration drainLimit) {
        this.executor = executor;
        this.drainLimit = drainLimit;
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        synchronized (this) {
            if (closed) {
                LOG.debug("window closed: background work not started");
                return;
            }
            running++;
        }
        executor.submit(() -> {
            try {
                return work.call();
            } finally {
                finished();
            }
        }, result -> {
            if (!isClosed()) {
                onSuccess.accept(result);
            }
        }, failure -> {
            if (!isClosed()) {
                onFailure.accept(failure);
            }
        });
    }

    @Override
    public void onUiThread(Runnable update) {
        executor.onUiThread(() -> {
            if (!isClosed()) {
                update.run();
            }
        });
    }

    private synchronized void finished() {
        running--;
        notifyAll();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** The work in flight now. */
    public synchronized int running() {
        return running;
    }

    /**
     * Starts no more work and waits (up to the drain limit) for the work in flight to end; what
     * is still running then is logged, as it may fail on whatever closes next.
     */
    @Override
    public synchronized void close() {
        closed = true;
        long deadline = System.nanoTime() + drainLimit.toNanos();
        try {
            for (long left = drainLimit.toNanos(); running > 0 && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running > 0) {
            LOG.warn("window closed with {} background task(s) still running after {} ms", running,
                    drainLimit.toMillis());
        }
    }
}
