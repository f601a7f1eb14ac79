package dev.batchyard.app.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work and callbacks on the calling thread: view-model tests see the finished state as soon
 * as a command returns, with no toolkit and no waiting.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUiThread(Runnable update) {
        update.run();
    }
}
