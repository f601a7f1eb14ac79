package dev.batchyard.app.charts;

import dev.batchyard.app.common.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic background read of which at most one is in flight: on a slow or busy store a tick
 * that finds the last read still running is skipped, instead of queueing reads in front of
 * everyone else's (the table's page among them). UI thread only.
 *
 * @param <T> what the read answers
 */
final class OneAtATime<T> {
    private static final Logger LOG = LoggerFactory.getLogger(OneAtATime.class);

    private final TaskExecutor executor;
    private final String what;
    private boolean running;

    /** @param what what is read, for the log line of a failure */
    OneAtATime(TaskExecutor executor, String what) {
        this.executor = executor;
        this.what = what;
    }

    /** Reads unless a read is still running; then hands the answer to {@code then}. */
    void read(Callable<T> read, Consumer<T> then) {
        if (running) {
            return;
        }
        running = true;
        executor.submit(read, answer -> {
            running = false;
            then.accept(answer);
        }, failure -> {
            running = false;
            LOG.debug("charts: could not read {}: {}", what, failure.toString()); // the executor warned
        });
    }
}
