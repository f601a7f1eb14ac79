package dev.batchyard.app.shell;

import dev.batchyard.app.charts.ChartsView;
import dev.batchyard.app.charts.ChartsViewModel;
import dev.batchyard.app.common.EventBridge;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.PulseTimer;
import dev.batchyard.app.common.SecondTicker;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.demo.DemoControls;
import dev.batchyard.app.demo.DemoPanelView;
import dev.batchyard.app.demo.DemoPanelViewModel;
import dev.batchyard.app.events.AlertCoalescer;
import dev.batchyard.app.events.EventDescriber;
import dev.batchyard.app.events.LiveEventsView;
import dev.batchyard.app.events.LiveEventsViewModel;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.StoreStats;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the main window's slots with the panels of {@code app/events}, {@code app/charts} and
 * {@code app/demo}, fed from the same event bridge and pulse as the rest of the window.
 */
public final class PanelSlots {
    private static final Logger LOG = LoggerFactory.getLogger(PanelSlots.class);
    private static final int EVENT_ROWS = 5_000;
    private static final Duration NOTICE_QUIET = Duration.ofSeconds(10);

    private PanelSlots() {
    }

    /**
     * @param stats   the store's counts (called off the UI thread once a second)
     * @param batches the table's current batches (for the retry distribution, every few seconds)
     * @param demo    the instructor's controls, or {@code null} outside demo mode
     * @param tables  where the events table's columns are remembered
     */
    public static void fill(MainWindowView window, Formats formats, Clock clock, EventBridge bridge, PulseTimer pulse,
                            TaskExecutor executor, Supplier<StoreStats> stats, Supplier<List<BatchView>> batches,
                            DemoControls demo, TableLayout tables) {
        LiveEventsViewModel events = new LiveEventsViewModel(new EventDescriber(formats),
                new AlertCoalescer(formats.messages(), clock, NOTICE_QUIET), EVENT_ROWS);
        ChartsViewModel charts = new ChartsViewModel(formats, clock, ChartsViewModel.DEFAULTS);
        LiveEventsView eventsView = new LiveEventsView(events);
        tables.track("events", eventsView.table());
        window.eventsSlot().fill(eventsView);
        window.chartsSlot().fill(new ChartsView(charts));
        if (demo != null) {
            window.instructorSlot().fill(new DemoPanelView(new DemoPanelViewModel(demo, 1, 200), formats.messages()));
        }
        bridge.addListener(events::apply);
        bridge.addListener(charts::acceptEvents);
        int[] seconds = {0};
        pulse.add(new SecondTicker(clock, now -> {
            charts.tick();
            executor.submit(stats::get, charts::acceptStats,
                    failure -> LOG.warn("charts: could not read the store's counts: {}", failure.toString()));
            if (seconds[0]++ % 5 == 0) {
                charts.acceptBatches(batches.get());
            }
        }));
    }
}
