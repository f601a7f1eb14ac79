package dev.batchyard.app.charts;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.model.BatchState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;

/** Stored batches over time, stacked by state; x is seconds before the newest sample. */
final class PendingHistoryChart extends StackedAreaChart<Number, Number> {
    private final LazyRedraw redraws = new LazyRedraw(this, this::redraw);
    private final PendingHistoryViewModel viewModel;
    private final Map<BatchState, Series<Number, Number>> series = new EnumMap<>(BatchState.class);

    PendingHistoryChart(PendingHistoryViewModel viewModel, Formats formats) {
        super(Axes.secondsAgo(formats.messages(), viewModel.window().toSeconds()), Axes.counts(formats, formats.messages().text("charts.axis.batches")));
        this.viewModel = viewModel;
        Messages messages = formats.messages();
        setId("pendingHistoryChart");
        setTitle(messages.text("charts.pending.title"));
        setAnimated(false);
        setCreateSymbols(false);
        for (BatchState state : BatchState.values()) {
            Series<Number, Number> s = new Series<>();
            s.setName(messages.text("state.inText." + state.name()));
            series.put(state, s);
            getData().add(s);
        }
        // enum order: PENDING, IN_FLIGHT, RETRY_WAIT, DEAD, HELD
        ChartColours.apply(this, ChartColours.BLUE, ChartColours.TEAL, ChartColours.AMBER, ChartColours.RED,
                ChartColours.PURPLE);
        viewModel.samples().addListener((ListChangeListener<StateSample>) change -> redraws.changed());
        redraw();
    }

    private void redraw() {
        List<StateSample> samples = viewModel.samples();
        if (samples.isEmpty()) {
            return;
        }
        Instant newest = samples.get(samples.size() - 1).at();
        List<Number> xs = new ArrayList<>(samples.size());
        long highest = 0;   // the stack's height: the chart stacks the states
        for (StateSample sample : samples) {
            xs.add(sample.at().getEpochSecond() - newest.getEpochSecond());
            long stack = 0;
            for (BatchState state : BatchState.values()) {
                stack += sample.count(state);
            }
            highest = Math.max(highest, stack);
        }
        CountRange.fit((NumberAxis) getYAxis(), highest);
        for (BatchState state : BatchState.values()) {
            List<Number> ys = new ArrayList<>(samples.size());
            for (StateSample sample : samples) {
                ys.add(sample.count(state));
            }
            SeriesValues.write(series.get(state), xs, ys);
        }
    }

    /** The series drawn for {@code state}, for tests that read the chart. */
    XYChart.Series<Number, Number> seriesOf(BatchState state) {
        return series.get(state);
    }

    /** Redraws with the latest data if it changed and the chart is shown; the charts' view calls it once a second. */
    void redrawIfChanged() {
        redraws.tick();
    }
}
