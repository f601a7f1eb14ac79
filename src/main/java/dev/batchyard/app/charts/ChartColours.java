package dev.batchyard.app.charts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.scene.chart.Chart;

/**
 * Gives a chart's series colours that mean something (delivered green, dead red) instead of the
 * palette's order, using the theme's chart colours so light and dark variants both work. The CSS
 * travels with the chart as a data-URI stylesheet: the panel needs no stylesheet file of its own.
 */
final class ChartColours {
    /** AtlantaFX chart palette entries: {@code -color-chart-N} and its {@code -alpha20} variant. */
    static final int RED = 1;
    static final int AMBER = 2;
    static final int GREEN = 3;
    static final int TEAL = 4;
    static final int BLUE = 5;
    static final int PURPLE = 6;

    private ChartColours() {
    }

    /** Series {@code i} of {@code chart} gets palette entry {@code paletteEntries[i]}. */
    static void apply(Chart chart, int... paletteEntries) {
        StringBuilder css = new StringBuilder();
        for (int i = 0; i < paletteEntries.length; i++) {
            String series = ".default-color" + i;
            String colour = "-color-chart-" + paletteEntries[i];
            css.append(series).append(".chart-series-line { -fx-stroke: ").append(colour).append("; }\n")
                    .append(series).append(".chart-line-symbol { -fx-background-color: ").append(colour)
                    .append(", white; }\n")
                    .append(series).append(".chart-series-area-line { -fx-stroke: ").append(colour).append("; }\n")
                    .append(series).append(".chart-series-area-fill { -fx-fill: ").append(colour)
                    .append("-alpha20; }\n")
                    .append(series).append(".chart-area-symbol { -fx-background-color: ").append(colour)
                    .append(", white; }\n")
                    .append(series).append(".chart-bar { -fx-bar-fill: ").append(colour).append("; }\n");
        }
        chart.getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(css.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
