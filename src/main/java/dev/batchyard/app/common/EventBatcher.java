package dev.batchyard.app.common;

import dev.batchyard.engine.events.BatchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Hands the engine's events on to a view at most once per {@code interval}, all of them, in order:
 * for a view that re-lays out a table each time it takes events (the live events list), so that
 * 5,000 events a second cost it four layouts a second instead of one per pulse. Nothing is dropped;
 * what waits is handed on by {@link #flushIfDue()} on the pulse even when no new event comes.
 * FX thread only.
 */
public final class EventBatcher implements Consumer<List<BatchEvent>> {
    private final Consumer<List<BatchEvent>> view;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final List<BatchEvent> waiting = new ArrayList<>();
    private long lastHandedOn;

    /** @param nanoTime {@code System::nanoTime}, or a test's clock */
    public EventBatcher(Consumer<List<BatchEvent>> view, Duration interval, LongSupplier nanoTime) {
        this.view = view;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.lastHandedOn = nanoTime.getAsLong() - intervalNanos;
    }

    @Override
    public void accept(List<BatchEvent> events) {
        waiting.addAll(events);
        flushIfDue();
    }

    /** Hands on what waits if the interval has passed since the last hand-over; for the pulse. */
    public void flushIfDue() {
        long now = nanoTime.getAsLong();
        if (!waiting.isEmpty() && now - lastHandedOn >= intervalNanos) {
            List<BatchEvent> batch = List.copyOf(waiting);
            waiting.clear();
            lastHandedOn = now;
            view.accept(batch);
        }
    }
}
