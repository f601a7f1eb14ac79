package dev.batchyard.app.charts;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/** The axes the charts share: a fixed "seconds ago" time axis and a count axis ranged by {@link CountRange}. */
final class Axes {
    private Axes() {
    }

    /** From {@code -seconds} to {@code 0} ("now"); fixed, so the plot does not rescale each second. */
    static NumberAxis secondsAgo(Messages messages, long seconds) {
        NumberAxis axis = new NumberAxis(-seconds, 0, tickUnit(seconds));
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        axis.setAnimated(false);
        axis.setTickLabelFormatter(new Labels(value -> {
            long ago = -Math.round(value.doubleValue());
            if (ago == 0) {
                return messages.text("charts.tick.now");
            }
            return ago % 60 == 0 ? messages.format("charts.tick.agoMinutes", ago / 60) : messages.format("charts.tick.ago", ago);
        }));
        return axis;
    }

    /**
     * Whole counts from zero to a round top that the chart sets as its data changes
     * ({@link CountRange#fit}); a fractional tick, should one come up, stays blank.
     */
    static NumberAxis counts(Formats formats, String label) {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(label);
        CountRange.manual(axis);
        axis.setMinorTickVisible(false);
        axis.setAnimated(false);
        axis.setTickLabelFormatter(new Labels(value -> {
            double v = value.doubleValue();
            return v == Math.rint(v) ? formats.count((long) v) : "";
        }));
        return axis;
    }

    private static double tickUnit(long seconds) {
        if (seconds > 300) {
            return 120;
        }
        return seconds > 60 ? 30 : 10;
    }

    private static final class Labels extends StringConverter<Number> {
        private final java.util.function.Function<Number, String> format;

        Labels(java.util.function.Function<Number, String> format) {
            this.format = format;
        }

        @Override
        public String toString(Number value) {
            return value == null ? "" : format.apply(value);
        }

        @Override
        public Number fromString(String text) {
            throw new UnsupportedOperationException("axis labels are not parsed");
        }
    }
}
