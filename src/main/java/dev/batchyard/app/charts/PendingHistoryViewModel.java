package dev.batchyard.app.charts;

import dev.batchyard.engine.StoreStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Stored batches by state over the last {@code window}, one sample per second of the injected
 * clock. Fed {@link StoreStats} snapshots as often as the caller has them: a second snapshot
 * within the same second replaces the first, so the history never holds more than one sample per
 * second and never reaches further back than the window, whatever the feeding rate.
 *
 * <p>Not thread-safe: FX thread only.
 */
public final class PendingHistoryViewModel {
    private final Clock clock;
    private final Duration window;
    private final ObservableList<StateSample> samples = FXCollections.observableArrayList();
    private final ObservableList<StateSample> readOnlySamples = FXCollections.unmodifiableObservableList(samples);

    public PendingHistoryViewModel(Clock clock, Duration window) {
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException("window must be at least 1 s, was " + window);
        }
        this.clock = clock;
        this.window = window;
    }

    public void accept(StoreStats stats) {
        Instant second = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        StateSample sample = new StateSample(second, stats.byState());
        int last = samples.size() - 1;
        if (last >= 0 && !second.isAfter(samples.get(last).at())) {
            samples.set(last, new StateSample(samples.get(last).at(), stats.byState()));
            return;
        }
        Instant oldestKept = second.minus(window);
        int stale = 0;
        while (stale < samples.size() && !samples.get(stale).at().isAfter(oldestKept)) {
            stale++;
        }
        if (stale == 0) {
            samples.add(sample);
            return;
        }
        // one change, not a removal then an addition: the chart redraws once and keeps its points
        List<StateSample> next = new ArrayList<>(samples.subList(stale, samples.size()));
        next.add(sample);
        samples.setAll(next);
    }

    /** Samples oldest first, at most one per second, none older than the window. */
    public ObservableList<StateSample> samples() {
        return readOnlySamples;
    }

    public Duration window() {
        return window;
    }
}
