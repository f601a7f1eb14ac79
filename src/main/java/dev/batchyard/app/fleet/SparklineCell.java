package dev.batchyard.app.fleet;

import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Polyline;

/**
 * A connection's pending count over the last hour, drawn as one polyline in its cell: time across
 * (the hour ending at the last sample), the count up, scaled to the line's own largest value. A line
 * of at most a few hundred points, redrawn only when its row changes.
 */
final class SparklineCell<S> extends TableCell<S, Sparkline> {
    static final double WIDTH = 120;
    static final double HEIGHT = 22;

    private final Polyline line = new Polyline();
    private final Function<Sparkline, String> describe;

    /** @param describe the line in words, for its tooltip (the last count, the lowest and highest, over how long) */
    SparklineCell(Function<Sparkline, String> describe) {
        this.describe = describe;
        line.getStyleClass().add("fleet-sparkline");
        setGraphic(null);
        setText(null);
    }

    @Override
    protected void updateItem(Sparkline item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null || item.samples().isEmpty()) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        line.getPoints().setAll(item.points(WIDTH, HEIGHT));
        setGraphic(line);
        setTooltip(new Tooltip(describe.apply(item)));
    }
}
