package dev.batchyard.app.charts;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * Writes new values into a chart series by reusing its data points: points are only added or
 * removed at the tail when the count changes, and existing points get new values, so a chart
 * redraws without creating nodes for every update.
 */
final class SeriesValues {
    private SeriesValues() {
    }

    static <X, Y> void write(XYChart.Series<X, Y> series, List<X> xs, List<Y> ys) {
        ObservableList<XYChart.Data<X, Y>> data = series.getData();
        int size = xs.size();
        if (data.size() > size) {
            data.remove(size, data.size());
        }
        for (int i = 0; i < size; i++) {
            if (i < data.size()) {
                XYChart.Data<X, Y> point = data.get(i);
                if (!point.getXValue().equals(xs.get(i))) {
                    point.setXValue(xs.get(i));
                }
                if (!point.getYValue().equals(ys.get(i))) {
                    point.setYValue(ys.get(i));
                }
            } else {
                data.add(new XYChart.Data<>(xs.get(i), ys.get(i)));
            }
        }
    }
}
