package dev.batchyard.app.charts;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;

/** Delivered and failed per second, as two lines over a fixed window ending now. */
final class DeliveryRateChart extends LineChart<Number, Number> {
    private final LazyRedraw redraws = new LazyRedraw(this, this::redraw);
    private final DeliveryRateViewModel viewModel;
    private final Series<Number, Number> delivered = new Series<>();
    private final Series<Number, Number> failed = new Series<>();

    DeliveryRateChart(DeliveryRateViewModel viewModel, Formats formats) {
        super(Axes.secondsAgo(formats.messages(), viewModel.points().size()),
                Axes.counts(formats, formats.messages().text("charts.axis.perSecond")));
        this.viewModel = viewModel;
        Messages messages = formats.messages();
        setId("deliveryRateChart");
        setTitle(messages.text("charts.rate.title"));
        setAnimated(false);
        setCreateSymbols(false);
        delivered.setName(messages.text("charts.series.delivered"));
        failed.setName(messages.text("charts.series.failed"));
        getData().add(delivered);
        getData().add(failed);
        ChartColours.apply(this, ChartColours.GREEN, ChartColours.RED);
        viewModel.points().addListener((ListChangeListener<RatePoint>) change -> redraws.changed());
        redraw();
    }

    private void redraw() {
        List<RatePoint> points = viewModel.points();
        int size = points.size();
        List<Number> xs = new ArrayList<>(size);
        List<Number> ok = new ArrayList<>(size);
        List<Number> bad = new ArrayList<>(size);
        double highest = 0;
        for (int i = 0; i < size; i++) {
            xs.add(i - size);     // the newest complete second ended a moment ago
            ok.add(points.get(i).delivered());
            bad.add(points.get(i).failed());
            highest = Math.max(highest, Math.max(points.get(i).delivered(), points.get(i).failed()));
        }
        CountRange.fit((NumberAxis) getYAxis(), highest);
        SeriesValues.write(delivered, xs, ok);
        SeriesValues.write(failed, xs, bad);
    }

    Series<Number, Number> deliveredSeries() {
        return delivered;
    }

    Series<Number, Number> failedSeries() {
        return failed;
    }

    /** Redraws with the latest data if it changed and the chart is shown; the charts' view calls it once a second. */
    void redrawIfChanged() {
        redraws.tick();
    }
}
