package dev.batchyard.serve.events;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drains one event subscription on its own daemon thread into a consumer, so the engine's
 * publishers never wait for a reader (the metrics, the event ring). A full mailbox loses events with a count
 * ({@link BatchEvent.Missed}), which the consumer sees. {@link #close()} stops the thread and
 * unsubscribes.
 */
public final class EventPump implements AutoCloseable {
    private final EventSubscription subscription;
    private final Thread thread;
    private volatile boolean running = true;

    /** @param name the thread's name, for thread dumps */
    public EventPump(EventSubscription subscription, Consumer<BatchEvent> consumer, String name) {
        this.subscription = subscription;
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    subscription.await(200, TimeUnit.MILLISECONDS).forEach(consumer);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscription.close();
    }
}
