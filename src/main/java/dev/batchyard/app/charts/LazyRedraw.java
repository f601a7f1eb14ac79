package dev.batchyard.app.charts;

import javafx.scene.Node;

/**
 * Redraws one chart at most once per {@link #tick()} (the charts' once-a-second timer), only after
 * its data changed and only while it is on screen. A redraw moves data points, which makes the
 * chart lay out its plot and its axes re-create their tick labels (new text nodes, each styled):
 * done per change, under a stream of events, that was a good part of the FX thread's time
 * ({@code docs/fx-pulse.md}). A chart in a tab not shown is redrawn when it is shown again.
 * FX thread only.
 */
final class LazyRedraw {
    private final Node chart;
    private final Runnable redraw;
    private boolean stale = true;

    LazyRedraw(Node chart, Runnable redraw) {
        this.chart = chart;
        this.redraw = redraw;
    }

    /** The chart's data changed: redraw it at the next tick. */
    void changed() {
        stale = true;
    }

    /** Redraws the chart if its data changed since it was last drawn and it is on screen. */
    void tick() {
        if (stale && showing()) {
            stale = false;
            redraw.run();
        }
    }

    boolean stale() {
        return stale;
    }

    private boolean showing() {
        if (chart.getScene() == null || chart.getScene().getWindow() == null
                || !chart.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = chart; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;   // e.g. the content of a tab that is not selected
            }
        }
        return true;
    }
}
