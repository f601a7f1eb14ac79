package dev.batchyard.app.demo;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Messages;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The demo instructor panel: start and stop traffic and set its rate; break, heal and make flaky
 * each simulated sink. The traffic and the sinks stand side by side where the panel is wide, so the
 * whole panel fits the main window's bottom strip at 1280x800 without scrolling, and one above the
 * other where it is narrow. Layout and bindings only.
 */
public final class DemoPanelView extends VBox {

    public DemoPanelView(DemoPanelViewModel viewModel, Messages messages) {
        super(10);
        setId("demoPanelView");
        setStyle("-fx-padding: 12;");
        Label title = new Label(messages.text("demo.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        // the title, the traffic and "heal all" on the left, the sinks on the right: low enough for the bottom strip
        VBox left = new VBox(10, title, section(messages.text("demo.traffic")), traffic(viewModel, messages),
                healAll(viewModel, messages));
        left.setMinWidth(280);
        VBox sinks = new VBox(10, section(messages.text("demo.sinks")), sinks(viewModel.sinks(), messages));
        // side by side where the panel is wide (the bottom tab, the cockpit), one above the other where it is narrow
        FlowPane columns = new FlowPane(Orientation.HORIZONTAL, 32, 12, left, sinks);
        columns.setRowValignment(VPos.TOP);
        getChildren().add(columns);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static VBox traffic(DemoPanelViewModel viewModel, Messages messages) {
        ToggleButton run = new ToggleButton();
        run.setId("trafficToggle");
        run.selectedProperty().bindBidirectional(viewModel.trafficRunningProperty());
        run.textProperty().bind(Bindings.when(run.selectedProperty())
                .then(messages.text("demo.traffic.stop")).otherwise(messages.text("demo.traffic.start")));
        run.graphicProperty().bind(Bindings.when(run.selectedProperty())
                .then(new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE))
                .otherwise(new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE)));
        run.getStyleClass().add(Styles.ACCENT);
        run.setMinWidth(130);

        Slider rate = new Slider(viewModel.minRate(), viewModel.maxRate(), viewModel.trafficRateProperty().get());
        rate.setId("trafficRate");
        rate.setPrefWidth(200);
        HBox.setHgrow(rate, Priority.ALWAYS);
        rate.setShowTickMarks(true);
        rate.setMajorTickUnit(viewModel.maxRate() / 4);
        rate.valueProperty().bindBidirectional(viewModel.trafficRateProperty());

        Label value = new Label();
        value.setId("trafficRateText");
        value.setMinWidth(Region.USE_PREF_SIZE);
        value.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("demo.traffic.rateValue", viewModel.trafficRateProperty().get()),
                viewModel.trafficRateProperty()));

        Label rateLabel = new Label(messages.text("demo.traffic.rate"));
        rateLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox rateRow = new HBox(10, rateLabel, rate, value);
        rateRow.setStyle("-fx-alignment: center-left;");
        return new VBox(8, run, rateRow);
    }

    private static GridPane sinks(List<SimulatedSinkViewModel> sinks, Messages messages) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        Label failureRate = new Label(messages.text("demo.sink.failureRate"));
        failureRate.getStyleClass().add(Styles.TEXT_MUTED);
        grid.add(failureRate, 3, 0, 2, 1);
        for (int i = 0; i < sinks.size(); i++) {
            SimulatedSinkRow.addTo(grid, i + 1, sinks.get(i), messages);
        }
        return grid;
    }

    private static Button healAll(DemoPanelViewModel viewModel, Messages messages) {
        Button heal = new Button(messages.text("demo.healAll"), new FontIcon(MaterialDesignH.HEART_PULSE));
        heal.setId("healAll");
        heal.getStyleClass().add(Styles.SUCCESS);
        heal.setOnAction(e -> viewModel.healAll());
        return heal;
    }
}
