package dev.batchyard.app.health;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TextColumns;
import dev.batchyard.engine.StoreCapacity;
import java.text.NumberFormat;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The store's capacity and forecast: two bars (pending bytes and batches against their caps), the
 * growth, when the store is full at that rate, the oldest batch's expiry, the size on disk, and
 * the segments with their live share and what compacting each would free. Layout and bindings only.
 */
public final class StoreCapacityView extends HBox {

    public StoreCapacityView(StoreCapacityViewModel viewModel) {
        super(12);
        Formats formats = viewModel.formats();
        Messages messages = formats.messages();
        setId("storeCapacityView");
        setStyle("-fx-padding: 8;");
        Label title = new Label(messages.text("capacity.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label failure = line("capacityFailure", viewModel.failureProperty());
        failure.getStyleClass().add(Styles.DANGER);
        failure.visibleProperty().bind(viewModel.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        Label forecast = line("capacityForecast", viewModel.forecastProperty());
        forecast.getStyleClass().add(Styles.TEXT_BOLD);
        // each bar beside its words: the summary fits the bottom strip's height at 1280x800
        VBox summary = new VBox(6, title, failure,
                barRow(bar("capacityBytesBar", viewModel.bytesShareProperty()), line("capacityBytes", viewModel.bytesProperty())),
                barRow(bar("capacityBatchesBar", viewModel.batchesShareProperty()),
                        line("capacityBatches", viewModel.batchesProperty())),
                line("capacityGrowth", viewModel.growthProperty()), forecast,
                line("capacityOldest", viewModel.oldestProperty()), line("capacityDisk", viewModel.diskProperty()));
        summary.setPrefWidth(560);
        summary.setMinWidth(420);
        HBox.setHgrow(summary, Priority.ALWAYS);
        TableView<StoreCapacity.Segment> segments = segments(viewModel, formats);
        segments.setMinWidth(240);
        getChildren().addAll(summary, segments);
    }

    private static HBox barRow(ProgressBar bar, Label text) {
        HBox row = new HBox(8, bar, text);
        row.setStyle("-fx-alignment: center-left;");
        HBox.setHgrow(text, Priority.ALWAYS);
        return row;
    }

    private static ProgressBar bar(String id, ObservableDoubleValue share) {
        ProgressBar bar = new ProgressBar();
        bar.setId(id);
        bar.setPrefWidth(140);
        bar.setMinWidth(140);
        bar.progressProperty().bind(share);
        return bar;
    }

    private static Label line(String id, ReadOnlyStringProperty text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);   // wrap rather than cut: the tab scrolls when it is low
        label.textProperty().bind(text);
        return label;
    }

    private static TableView<StoreCapacity.Segment> segments(StoreCapacityViewModel viewModel, Formats formats) {
        Messages messages = formats.messages();
        TableView<StoreCapacity.Segment> table = new TableView<>(viewModel.segments());
        table.setId("segmentTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefWidth(300);
        NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
        table.getColumns().add(TextColumns.of("segmentId", messages.text("capacity.column.segment"), s -> s.active()
                ? messages.format("capacity.active", Long.toString(s.id())) : Long.toString(s.id()), 150, 90));
        table.getColumns().add(TextColumns.of("segmentSize", messages.text("capacity.column.size"),
                s -> formats.bytes(s.bytes()), 90, 70));
        table.getColumns().add(TextColumns.of("segmentLive", messages.text("capacity.column.live"),
                s -> percent.format(s.liveRatio()), 70, 50));
        table.getColumns().add(TextColumns.of("segmentFrees", messages.text("capacity.column.frees"),
                s -> formats.bytes(s.reclaimable()), 130, 100));
        return table;
    }

}
