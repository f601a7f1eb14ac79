package dev.batchyard.app.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.shape.Polyline;

/**
 * A connection's pending count over the last hour, drawn as one polyline in its cell: time across
 * (the hour ending at the last sample), the count up, scaled to the line's own largest value. A line
 * of at most a few hundred points, redrawn only when its row changes.
 */
final class SparklineCell<S> extends TableCell<S, Sparkline> {
    static final double WIDTH = 140;
    static final double HEIGHT = 22;

    private final Polyline line = new Polyline();

    SparklineCell() {
        line.getStyleClass().add("fleet-sparkline");
        setGraphic(null);
        setText(null);
    }

    @Override
    protected void updateItem(Sparkline item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null || item.samples().isEmpty()) {
            setGraphic(null);
            return;
        }
        line.getPoints().setAll(points(item));
        setGraphic(line);
    }

    /** The polyline's x, y pairs: y grows downwards, so a larger count is drawn higher. */
    static List<Double> points(Sparkline sparkline) {
        List<Sparkline.Sample> samples = sparkline.samples();
        Instant end = samples.get(samples.size() - 1).at();
        Instant start = end.minus(Sparkline.WINDOW);
        double span = Sparkline.WINDOW.toMillis();
        double top = Math.max(1, sparkline.max());
        Double[] xy = new Double[samples.size() * 2 + (samples.size() == 1 ? 2 : 0)];
        int i = 0;
        for (Sparkline.Sample s : samples) {
            xy[i++] = WIDTH * Duration.between(start, s.at()).toMillis() / span;
            xy[i++] = HEIGHT - HEIGHT * s.pending() / top;
        }
        if (samples.size() == 1) { // one sample: a short stroke, so there is something to see
            xy[i++] = xy[0] - 2;
            xy[i] = xy[1];
        }
        return List.of(xy);
    }
}
