package dev.batchyard.app.common;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one way engine events reach the UI. The engine offers events into a bounded subscription
 * on its own threads; {@link #pump()} is called once per pulse on the UI thread and hands
 * everything that arrived since the last pulse, as one list, to each listener. So 5,000 events a
 * second cost 60 small list hand-overs, not 5,000 {@code runLater}s, and a slow UI loses events
 * (the list starts with a {@code Missed}) rather than slowing the engine.
 */
public final class EventBridge implements AutoCloseable {
    private EventSubscription subscription;
    private final List<Consumer<List<BatchEvent>>> listeners = new CopyOnWriteArrayList<>();

    public EventBridge(EventSubscription subscription) {
        this.subscription = subscription;
    }

    /** {@code listener} is called on the UI thread with each pulse's events, oldest first. */
    public void addListener(Consumer<List<BatchEvent>> listener) {
        listeners.add(listener);
    }

    /**
     * Follows a new subscription from here on (the store was opened again: the old one's bus is gone).
     * What the old one still holds is handed over first, then it is closed. UI thread only, like {@link #pump()}.
     */
    public void resubscribe(EventSubscription next) {
        pump();
        EventSubscription old = subscription;
        subscription = next;
        old.close();
    }

    /** Drains the subscription once; returns how many events were handed over. */
    public int pump() {
        List<BatchEvent> events = subscription.drain();
        if (events.isEmpty()) {
            return 0;
        }
        List<BatchEvent> view = List.copyOf(events);
        for (Consumer<List<BatchEvent>> listener : listeners) {
            listener.accept(view);
        }
        return view.size();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
