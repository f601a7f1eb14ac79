package dev.batchyard.app.charts;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The charts page: pending over time, delivery rate, batches by sink and retry counts. In a wide,
 * low place (the main window's bottom strip at 1280x800) they stand in one row, so each keeps a
 * readable height; in a taller one they stand two by two. While shown, ticks the view model once a
 * second so the rate window moves even when nothing happens.
 */
public final class ChartsView extends GridPane {
    /** Wider than this many times its height, the four charts stand in one row. */
    static final double ONE_ROW_ASPECT = 2.2;

    private final PendingHistoryChart pending;
    private final SinkBarChart bySink;
    private final RetryBarChart retries;
    private final DeliveryRateChart rate;
    private boolean oneRow;

    public ChartsView(ChartsViewModel viewModel) {
        Formats formats = viewModel.formats();
        setId("chartsView");
        setHgap(8);
        setVgap(8);
        setStyle("-fx-padding: 8;");
        pending = new PendingHistoryChart(viewModel.pending(), formats);
        rate = new DeliveryRateChart(viewModel.rate(), formats);
        bySink = new SinkBarChart(viewModel.bySink(), formats);
        retries = new RetryBarChart(viewModel.retries(), formats);
        getChildren().addAll(pending, rateWithSummary(viewModel, formats), bySink, retries);
        arrange(false);
        widthProperty().addListener((obs, was, now) -> fitToShape());
        heightProperty().addListener((obs, was, now) -> fitToShape());

        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            viewModel.tick();
            redrawChanged();
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    private void fitToShape() {
        boolean wide = getHeight() > 0 && getWidth() > ONE_ROW_ASPECT * getHeight();
        if (wide != oneRow) {
            arrange(wide);
        }
    }

    /** Four columns of one row, or two of two rows; each chart an equal share. */
    private void arrange(boolean inOneRow) {
        oneRow = inOneRow;
        int columns = inOneRow ? 4 : 2;
        for (int i = 0; i < getChildren().size(); i++) {
            GridPane.setConstraints(getChildren().get(i), i % columns, i / columns);
        }
        getColumnConstraints().clear();
        getRowConstraints().clear();
        for (int i = 0; i < columns; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(column);
        }
        int rows = 4 / columns;
        for (int i = 0; i < rows; i++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / rows);
            row.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(row);
        }
    }

    /** Whether the charts stand in one row (see {@link #ONE_ROW_ASPECT}). */
    boolean inOneRow() {
        return oneRow;
    }

    private VBox rateWithSummary(ChartsViewModel viewModel, Formats formats) {
        DeliveryRateViewModel rates = viewModel.rate();
        Messages messages = formats.messages();
        Label summary = new Label();
        summary.setId("rateSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("charts.rate.summary", rates.deliveredPerSecondProperty().get(),
                        rates.failedPerSecondProperty().get(), rates.averageOver()),
                rates.deliveredPerSecondProperty(), rates.failedPerSecondProperty()));
        VBox box = new VBox(2, rate, summary);
        VBox.setVgrow(rate, Priority.ALWAYS);
        box.setStyle("-fx-alignment: top-center;");
        return box;
    }

    /** Redraws the charts whose data changed since the last call, those on screen (once a second). */
    void redrawChanged() {
        pending.redrawIfChanged();
        rate.redrawIfChanged();
        bySink.redrawIfChanged();
        retries.redrawIfChanged();
    }

    PendingHistoryChart pendingChart() {
        return pending;
    }

    SinkBarChart sinkChart() {
        return bySink;
    }

    RetryBarChart retryChart() {
        return retries;
    }

    DeliveryRateChart rateChart() {
        return rate;
    }
}
