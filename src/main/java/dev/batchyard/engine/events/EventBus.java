package dev.batchyard.engine.events;

import java.time.Clock;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans engine events out to subscribers' mailboxes. Publishing never blocks and never throws:
 * a slow subscriber loses events (and is told how many), the engine does not wait for it.
 */
public final class EventBus {
    private final CopyOnWriteArrayList<EventSubscription> subscribers = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public EventBus(Clock clock) {
        this.clock = clock;
    }

    public EventSubscription subscribe(int capacity) {
        return subscribe(capacity, () -> { });
    }

    /**
     * A mailbox as {@link #subscribe(int)}, and {@code onClose} run once its reader closes it: a bus
     * fed from elsewhere (a remote console's event stream) stops feeding it then.
     */
    public EventSubscription subscribe(int capacity, Runnable onClose) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        EventSubscription[] holder = new EventSubscription[1];
        holder[0] = new EventSubscription(capacity, clock, () -> {
            subscribers.remove(holder[0]);
            onClose.run();
        });
        subscribers.add(holder[0]);
        return holder[0];
    }

    public void publish(BatchEvent event) {
        for (EventSubscription subscriber : subscribers) {
            subscriber.offer(event);
        }
    }
}
