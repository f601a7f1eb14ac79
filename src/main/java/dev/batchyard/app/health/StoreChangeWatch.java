package dev.batchyard.app.health;

import dev.batchyard.app.common.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} that shows every failure to a watcher on the UI thread before the task's
 * own failure handler, which still runs and decides what the task's view says.
 */
final class StoreChangeWatch implements TaskExecutor {
    private final TaskExecutor executor;
    private final Consumer<Throwable> watcher;

    StoreChangeWatch(TaskExecutor executor, Consumer<Throwable> watcher) {
        this.executor = executor;
        this.watcher = watcher;
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        executor.submit(work, onSuccess, failure -> {
            watcher.accept(failure);
            onFailure.accept(failure);
        });
    }

    @Override
    public void onUiThread(Runnable update) {
        executor.onUiThread(update);
    }
}
