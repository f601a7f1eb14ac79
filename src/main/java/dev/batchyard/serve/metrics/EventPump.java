package dev.batchyard.serve.metrics;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drains one event subscription on its own daemon thread into a consumer, so the engine's
 * publishers never wait for the metrics. A full mailbox loses events with a count
 * ({@link BatchEvent.Missed}), which the consumer sees. {@link #close()} stops the thread and
 * unsubscribes.
 */
public final class EventPump implements AutoCloseable {
    private final EventSubscription subscription;
    private final Thread thread;
    private volatile boolean running = true;

    public EventPump(EventSubscription subscription, Consumer<BatchEvent> consumer) {
        this.subscription = subscription;
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    subscription.await(200, TimeUnit.MILLISECONDS).forEach(consumer);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "batchyard-metrics-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Feeds {@code metrics} from {@code subscription}. */
    public static EventPump into(DeliveryMetrics metrics, EventSubscription subscription) {
        return new EventPump(subscription, metrics::accept);
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
