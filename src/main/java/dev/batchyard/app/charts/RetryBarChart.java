package dev.batchyard.app.charts;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;

/** One bar per retry count (the last is "n or more"): the shape of the backlog's trouble. */
final class RetryBarChart extends BarChart<String, Number> {
    private final LazyRedraw redraws = new LazyRedraw(this, this::redraw);
    private final RetryDistributionViewModel viewModel;
    private final Messages messages;
    private final Series<String, Number> batches = new Series<>();

    RetryBarChart(RetryDistributionViewModel viewModel, Formats formats) {
        super(new CategoryAxis(), Axes.counts(formats, formats.messages().text("charts.axis.batches")));
        this.viewModel = viewModel;
        this.messages = formats.messages();
        setId("retryBarChart");
        setTitle(messages.text("charts.retries.title"));
        setAnimated(false);
        setLegendVisible(false);
        setCategoryGap(4);
        getXAxis().setAnimated(false);
        getXAxis().setLabel(messages.text("charts.axis.retries"));
        batches.setName(messages.text("charts.series.batches"));
        getData().add(batches);
        ChartColours.apply(this, ChartColours.AMBER);
        viewModel.buckets().addListener((ListChangeListener<RetryBucket>) change -> redraws.changed());
        redraw();
    }

    private void redraw() {
        List<RetryBucket> buckets = viewModel.buckets();
        CountRange.fit((NumberAxis) getYAxis(), buckets.stream().mapToDouble(RetryBucket::batches).max().orElse(0));
        SeriesValues.write(batches, buckets.stream().map(this::label).toList(),
                buckets.stream().map(b -> (Number) b.batches()).toList());
    }

    private String label(RetryBucket bucket) {
        return messages.format(bucket.orMore() ? "charts.retries.bucketOpen" : "charts.retries.bucket", bucket.retries());
    }

    Series<String, Number> series() {
        return batches;
    }

    /** Redraws with the latest data if it changed and the chart is shown; the charts' view calls it once a second. */
    void redrawIfChanged() {
        redraws.tick();
    }
}
