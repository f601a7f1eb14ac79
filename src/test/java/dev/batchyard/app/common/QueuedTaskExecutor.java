package dev.batchyard.app.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds submitted work until the test runs it, so a test can finish tasks out of order and see
 * what the view model does with a late answer.
 */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> waiting = new ArrayDeque<>();

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        waiting.add(() -> new CurrentThreadTaskExecutor().submit(work, onSuccess, onFailure));
    }

    @Override
    public void onUiThread(Runnable update) {
        update.run();
    }

    public int waiting() {
        return waiting.size();
    }

    public void runOldest() {
        waiting.removeFirst().run();
    }

    public void runNewest() {
        waiting.removeLast().run();
    }

    public void runAll() {
        while (!waiting.isEmpty()) {
            runOldest();
        }
    }
}
