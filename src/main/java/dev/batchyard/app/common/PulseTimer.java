package dev.batchyard.app.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;

/**
 * Calls its tasks once per JavaFX pulse (at most ~60 times a second, and not at all while nothing
 * is shown): the event bridge's drain and the once-a-second clock tick ride on it.
 */
public final class PulseTimer {
    private final List<Runnable> tasks = new CopyOnWriteArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            for (Runnable task : tasks) {
                task.run();
            }
        }
    };

    public void add(Runnable task) {
        tasks.add(task);
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }
}
