package dev.batchyard.app.charts;

import javafx.scene.chart.NumberAxis;

/**
 * The range of a count axis, chosen by the chart instead of by the axis's auto-ranging. An
 * auto-ranged axis takes every change of its chart's data as a new range: it throws away its tick
 * labels and makes new text nodes (each styled by a CSS pass) even when the range comes out the
 * same, once a second for each chart while the window is shown. Here the top is a round number
 * (1, 2 or 5 times a power of ten, at least 5) that only moves when the largest value outgrows it or
 * falls below a quarter of it, so under a steady load the axis keeps its labels.
 */
final class CountRange {
    /** The smallest top: whole-number ticks from 0 to 5. */
    static final double MIN_TOP = 5;

    private CountRange() {
    }

    /** Sets {@code axis} to run from 0 to a round top that holds {@code max}, unless its top already fits it. */
    static void fit(NumberAxis axis, double max) {
        double top = top(axis.getUpperBound(), max);
        if (top != axis.getUpperBound()) {
            axis.setUpperBound(top);
            axis.setTickUnit(tickUnit(top));
        }
    }

    /** The axis's top for {@code max}, given its current top: kept while {@code max} fits it and fills a quarter. */
    static double top(double current, double max) {
        if (current >= MIN_TOP && max <= current && (max * 4 >= current || current == MIN_TOP)) {
            return current;
        }
        return round(max);
    }

    /** The smallest of 5, 10, 20, 50, 100, 200, ... that is at least {@code max}. */
    static double round(double max) {
        if (!(max > MIN_TOP)) {     // also NaN
            return MIN_TOP;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** Whole-number ticks, four or five of them: 5 by 1, 10 by 2, 20 by 5, 50 by 10, 100 by 20, ... */
    static double tickUnit(double top) {
        double power = Math.pow(10, Math.floor(Math.log10(top)));
        double mantissa = Math.round(top / power);
        return mantissa == 2 ? top / 4 : top / 5;
    }

    /** A count axis with its range set by {@link #fit}: from 0 to {@link #MIN_TOP} until then. */
    static void manual(NumberAxis axis) {
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(MIN_TOP);
        axis.setTickUnit(tickUnit(MIN_TOP));
    }
}
