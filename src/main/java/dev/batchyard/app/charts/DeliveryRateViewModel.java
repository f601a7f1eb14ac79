package dev.batchyard.app.charts;

import dev.batchyard.engine.events.BatchEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Delivered batches and failed attempts per second over the last {@code windowSeconds} complete
 * seconds, counted from engine events by the second they are stamped with. Memory is two fixed
 * rings of counters; the published series always has exactly {@code windowSeconds} points, newest
 * last, so the chart never adds or removes a point. The second still under way is counted but not
 * published (half a second of traffic would show as a dip). {@link #tick()} moves the window to
 * the clock's second, so idle seconds show as zero.
 *
 * <p>A dead-lettered batch counts as failed only through its {@code DeliveryFailed} event (when
 * the engine emits one), so nothing is counted twice. Not thread-safe: FX thread only.
 */
public final class DeliveryRateViewModel {
    private final Clock clock;
    private final int window;
    private final int averageOver;
    private final int[] delivered;
    private final int[] failed;
    private long head;
    private boolean dirty;
    private final ObservableList<RatePoint> points = FXCollections.observableArrayList();
    private final ObservableList<RatePoint> readOnlyPoints = FXCollections.unmodifiableObservableList(points);
    private final ReadOnlyDoubleWrapper deliveredPerSecond = new ReadOnlyDoubleWrapper(this, "deliveredPerSecond");
    private final ReadOnlyDoubleWrapper failedPerSecond = new ReadOnlyDoubleWrapper(this, "failedPerSecond");

    /**
     * @param averageOver how many complete seconds the headline rates average (the current second
     *                    is still filling, so it is left out)
     */
    public DeliveryRateViewModel(Clock clock, int windowSeconds, int averageOver) {
        if (windowSeconds < 2 || averageOver < 1 || averageOver >= windowSeconds) {
            throw new IllegalArgumentException("need 1 <= averageOver (" + averageOver + ") < windowSeconds ("
                    + windowSeconds + ")");
        }
        this.clock = clock;
        this.window = windowSeconds;
        this.averageOver = averageOver;
        this.delivered = new int[windowSeconds + 1];   // + the second under way
        this.failed = new int[windowSeconds + 1];
        this.head = clock.instant().getEpochSecond();
        publish();
    }

    public void accept(List<BatchEvent> events) {
        advanceTo(clock.instant().getEpochSecond());
        for (BatchEvent event : events) {
            if (event instanceof BatchEvent.Delivered) {
                count(delivered, event);
            } else if (event instanceof BatchEvent.DeliveryFailed) {
                count(failed, event);
            }
        }
        if (dirty) {
            publish();
        }
    }

    /** Moves the window to the clock's current second; call once a second. */
    public void tick() {
        advanceTo(clock.instant().getEpochSecond());
        if (dirty) {
            publish();
        }
    }

    private void count(int[] counters, BatchEvent event) {
        // an event stamped ahead of this clock belongs to the newest second, not the future
        long second = Math.min(event.at().getEpochSecond(), head);
        if (second >= head - window) {
            counters[slot(second)]++;
            dirty = true;
        }
    }

    private void advanceTo(long second) {
        if (second <= head) {
            return;
        }
        long from = Math.max(head + 1, second - window);
        for (long s = from; s <= second; s++) {
            delivered[slot(s)] = 0;
            failed[slot(s)] = 0;
        }
        head = second;
        dirty = true;
    }

    private void publish() {
        List<RatePoint> next = new ArrayList<>(window);
        for (long s = head - window; s < head; s++) {
            next.add(new RatePoint(s, delivered[slot(s)], failed[slot(s)]));
        }
        points.setAll(next);
        int complete = 0;
        int failures = 0;
        for (long s = head - averageOver; s < head; s++) {
            complete += delivered[slot(s)];
            failures += failed[slot(s)];
        }
        deliveredPerSecond.set(complete / (double) averageOver);
        failedPerSecond.set(failures / (double) averageOver);
        dirty = false;
    }

    private int slot(long second) {
        return (int) Math.floorMod(second, (long) delivered.length);
    }

    /** Exactly {@code windowSeconds} points, oldest first, the newest being the last complete second. */
    public ObservableList<RatePoint> points() {
        return readOnlyPoints;
    }

    public ReadOnlyDoubleProperty deliveredPerSecondProperty() {
        return deliveredPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty failedPerSecondProperty() {
        return failedPerSecond.getReadOnlyProperty();
    }

    public int averageOver() {
        return averageOver;
    }
}
