package dev.batchyard.app.charts;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.SecondTicker;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.StoreStats;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charts panel and its view model, and what feeds it on the pulse: once a second the store's
 * counts (read off the UI thread), every five seconds the table's batches for the retry spread.
 *
 * @param everyPulse for the window's pulse
 */
public record ChartsFeature(ChartsView view, ChartsViewModel model, Runnable everyPulse) {
    private static final Logger LOG = LoggerFactory.getLogger(ChartsFeature.class);

    /**
     * @param stats   the store's counts (called off the UI thread once a second)
     * @param batches the table's current batches
     */
    public static ChartsFeature build(Formats formats, Clock clock, TaskExecutor executor,
                                      Supplier<StoreStats> stats, Supplier<List<BatchView>> batches) {
        ChartsViewModel model = new ChartsViewModel(formats, clock, ChartsViewModel.DEFAULTS);
        int[] seconds = {0};
        Runnable everyPulse = new SecondTicker(clock, now -> {
            model.tick();
            executor.submit(stats::get, model::acceptStats,
                    failure -> LOG.warn("charts: could not read the store's counts: {}", failure.toString()));
            if (seconds[0]++ % 5 == 0) {
                model.acceptBatches(batches.get());
            }
        });
        return new ChartsFeature(new ChartsView(model), model, everyPulse);
    }
}
