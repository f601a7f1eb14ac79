package dev.batchyard.app.charts;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.SecondTicker;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.StoreStats;
import java.time.Clock;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The charts panel and its view model, and what feeds it on the pulse: once a second the store's
 * counts (read off the UI thread), every five seconds the retry spread (counted by the store, off the
 * UI thread: the table holds only the rows on screen).
 *
 * @param everyPulse for the window's pulse
 */
public record ChartsFeature(ChartsView view, ChartsViewModel model, Runnable everyPulse) {
    /**
     * @param stats   the store's counts (called off the UI thread once a second)
     * @param retryCounts how many stored batches were retried 0, 1, ... times, the last count open-ended, given
     *                    where the open bucket starts (called off the UI thread every five seconds)
     */
    public static ChartsFeature build(Formats formats, Clock clock, TaskExecutor executor,
                                      Supplier<StoreStats> stats, IntFunction<int[]> retryCounts) {
        ChartsViewModel model = new ChartsViewModel(formats, clock, ChartsViewModel.DEFAULTS);
        int[] seconds = {0};
        OneAtATime<StoreStats> counts = new OneAtATime<>(executor, "the store's counts");
        OneAtATime<int[]> spread = new OneAtATime<>(executor, "the retry spread");
        Runnable everyPulse = new SecondTicker(clock, now -> {
            model.tick();
            counts.read(stats::get, model::acceptStats);
            if (seconds[0]++ % 5 == 0) {
                int openFrom = model.retryOpenFrom();
                spread.read(() -> retryCounts.apply(openFrom), model::acceptRetryCounts);
            }
        });
        return new ChartsFeature(new ChartsView(model), model, everyPulse);
    }
}
