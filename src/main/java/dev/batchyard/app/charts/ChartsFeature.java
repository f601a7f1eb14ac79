package dev.batchyard.app.charts;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.SecondTicker;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.StoreStats;
import java.time.Clock;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charts panel and its view model, and what feeds it on the pulse: once a second the store's
 * counts (read off the UI thread), every five seconds the retry spread (counted by the store, off the
 * UI thread: the table holds only the rows on screen).
 *
 * @param everyPulse for the window's pulse
 */
public record ChartsFeature(ChartsView view, ChartsViewModel model, Runnable everyPulse) {
    private static final Logger LOG = LoggerFactory.getLogger(ChartsFeature.class);

    /**
     * @param stats   the store's counts (called off the UI thread once a second)
     * @param retryCounts how many stored batches were retried 0, 1, ... times, the last count open-ended, given
     *                    where the open bucket starts (called off the UI thread every five seconds)
     */
    public static ChartsFeature build(Formats formats, Clock clock, TaskExecutor executor,
                                      Supplier<StoreStats> stats, IntFunction<int[]> retryCounts) {
        ChartsViewModel model = new ChartsViewModel(formats, clock, ChartsViewModel.DEFAULTS);
        int[] seconds = {0};
        boolean[] counting = {false};
        Runnable everyPulse = new SecondTicker(clock, now -> {
            model.tick();
            executor.submit(stats::get, model::acceptStats,
                    failure -> LOG.warn("charts: could not read the store's counts: {}", failure.toString()));
            if (seconds[0]++ % 5 == 0 && !counting[0]) { // passes over the store: never two at once
                counting[0] = true;
                int openFrom = model.retryOpenFrom();
                executor.submit(() -> retryCounts.apply(openFrom), counts -> {
                    counting[0] = false;
                    model.acceptRetryCounts(counts);
                }, failure -> {
                    counting[0] = false;
                    LOG.warn("charts: could not count the retries: {}", failure.toString());
                });
            }
        });
        return new ChartsFeature(new ChartsView(model), model, everyPulse);
    }
}
