package dev.batchyard.app.common;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TaskExecutor}: a small pool of daemon threads for engine calls, and the UI
 * thread's executor (in the app, {@code Platform::runLater}) for the answers. Two threads, because
 * a long bulk action must not hold up the detail pane's load.
 */
public final class BackgroundTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTaskExecutor.class);

    private final ExecutorService pool;
    private final Executor uiThread;
    private final RepeatedWarnings failures;

    public BackgroundTaskExecutor(Executor uiThread) {
        this(uiThread, new RepeatedWarnings(Duration.ofMinutes(1), Clock.systemUTC(), LOG::warn));
    }

    /** @param failures where a task's failure is logged: a poll failing each second is written once a minute */
    BackgroundTaskExecutor(Executor uiThread, RepeatedWarnings failures) {
        this.failures = failures;
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "batchyard-ui-task-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.uiThread = uiThread;
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                uiThread.execute(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                failures.warn("background task failed: " + e);
                uiThread.execute(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUiThread(Runnable update) {
        uiThread.execute(update);
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
