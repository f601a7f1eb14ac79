package dev.batchyard.app.charts;

import dev.batchyard.app.common.Formats;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.events.BatchEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The four charts' state behind one door: the main window hands it store stats (about once a
 * second), batch-list snapshots (whenever it has a fresh one) and drained event batches, and the
 * view ticks it once a second.
 */
public final class ChartsViewModel {
    /** Settings of the charts; {@link #DEFAULTS} suits a live screen. */
    public record Settings(Duration pendingWindow, int rateWindowSeconds, int rateAverageSeconds, int retryOpenFrom) {
    }

    public static final Settings DEFAULTS = new Settings(Duration.ofMinutes(10), 120, 10, 10);

    private final Formats formats;
    private final PendingHistoryViewModel pending;
    private final SinkBreakdownViewModel bySink = new SinkBreakdownViewModel();
    private final RetryDistributionViewModel retries;
    private final DeliveryRateViewModel rate;

    public ChartsViewModel(Formats formats, Clock clock, Settings settings) {
        this.formats = formats;
        this.pending = new PendingHistoryViewModel(clock, settings.pendingWindow());
        this.retries = new RetryDistributionViewModel(settings.retryOpenFrom());
        this.rate = new DeliveryRateViewModel(clock, settings.rateWindowSeconds(), settings.rateAverageSeconds());
    }

    public void acceptStats(StoreStats stats) {
        pending.accept(stats);
        bySink.accept(stats);
    }

    public void acceptBatches(List<BatchView> batches) {
        retries.accept(batches);
    }

    /** The retry spread as the store counted it (see {@link RetryDistributionViewModel#acceptCounts}). */
    public void acceptRetryCounts(int[] counts) {
        retries.acceptCounts(counts);
    }

    /** Where the retry spread's open bucket starts. */
    public int retryOpenFrom() {
        return retries.openFrom();
    }

    public void acceptEvents(List<BatchEvent> events) {
        rate.accept(events);
    }

    public void tick() {
        rate.tick();
    }

    public PendingHistoryViewModel pending() {
        return pending;
    }

    public SinkBreakdownViewModel bySink() {
        return bySink;
    }

    public RetryDistributionViewModel retries() {
        return retries;
    }

    public DeliveryRateViewModel rate() {
        return rate;
    }

    /** The words and numbers the charts are drawn with. */
    public Formats formats() {
        return formats;
    }
}
