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
 * The charts page: pending over time and delivery rate on top, batches by sink and retry counts
 * below. While shown, ticks the view model once a second so the rate window moves even when
 * nothing happens.
 */
public final class ChartsView extends GridPane {
    private final PendingHistoryChart pending;
    private final SinkBarChart bySink;
    private final RetryBarChart retries;
    private final DeliveryRateChart rate;

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
        add(pending, 0, 0);
        add(rateWithSummary(viewModel, formats), 1, 0);
        add(bySink, 0, 1);
        add(retries, 1, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(row);
        }

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
