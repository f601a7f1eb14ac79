package dev.batchyard.app.charts;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;

/** One bar per sink: how many batches wait for it. */
final class SinkBarChart extends BarChart<String, Number> {
    private final LazyRedraw redraws = new LazyRedraw(this, this::redraw);
    private final SinkBreakdownViewModel viewModel;
    private final Series<String, Number> batches = new Series<>();

    SinkBarChart(SinkBreakdownViewModel viewModel, Formats formats) {
        super(new CategoryAxis(), Axes.counts(formats, formats.messages().text("charts.axis.batches")));
        this.viewModel = viewModel;
        Messages messages = formats.messages();
        setId("sinkBarChart");
        setTitle(messages.text("charts.bySink.title"));
        setAnimated(false);
        setLegendVisible(false);
        getXAxis().setAnimated(false);
        getXAxis().setLabel(messages.text("charts.axis.sink"));
        batches.setName(messages.text("charts.series.batches"));
        getData().add(batches);
        ChartColours.apply(this, ChartColours.BLUE);
        viewModel.counts().addListener((ListChangeListener<SinkCount>) change -> redraws.changed());
        redraw();
    }

    private void redraw() {
        List<SinkCount> counts = viewModel.counts();
        CountRange.fit((NumberAxis) getYAxis(), counts.stream().mapToDouble(SinkCount::batches).max().orElse(0));
        SeriesValues.write(batches, counts.stream().map(SinkCount::sink).toList(),
                counts.stream().map(c -> (Number) c.batches()).toList());
    }

    Series<String, Number> series() {
        return batches;
    }

    /** Redraws with the latest data if it changed and the chart is shown; the charts' view calls it once a second. */
    void redrawIfChanged() {
        redraws.tick();
    }
}
