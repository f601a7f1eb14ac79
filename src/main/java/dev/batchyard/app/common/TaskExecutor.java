package dev.batchyard.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs UI commands off the UI thread and reports back on it. Every engine call from a view model
 * goes through here, so the FX thread only renders; tests use {@link CurrentThreadTaskExecutor}.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background; then exactly one of {@code onSuccess} or
     * {@code onFailure} runs on the UI thread.
     */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Hands a small update (progress, a partial result) from background work to the UI thread. */
    void onUiThread(Runnable update);
}
