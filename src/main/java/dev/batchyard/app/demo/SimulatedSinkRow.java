package dev.batchyard.app.demo;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.events.SeverityStyle;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The controls of one simulated sink, placed into a row of the panel's grid. */
final class SimulatedSinkRow {
    private SimulatedSinkRow() {
    }

    static void addTo(GridPane grid, int row, SimulatedSinkViewModel sink, Messages messages) {
        String id = sink.name().replaceAll("[^A-Za-z0-9]", "_");

        Label name = new Label(sink.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        FontIcon link = new FontIcon();
        link.iconCodeProperty().bind(Bindings.when(sink.downProperty())
                .then(MaterialDesignL.LAN_DISCONNECT).otherwise(MaterialDesignL.LAN_CONNECT));
        Runnable tint = () -> SeverityStyle.tint(link,
                sink.downProperty().get() ? "-color-danger-fg" : "-color-success-fg");
        sink.downProperty().addListener((obs, was, now) -> tint.run());
        tint.run();
        name.setGraphic(link);
        name.setMinWidth(Region.USE_PREF_SIZE);   // a sink's name is never cut to "..."; the slider gives way

        Label state = new Label();
        state.setId("sinkState-" + id);
        state.textProperty().bind(Bindings.when(sink.downProperty())
                .then(messages.text("demo.sink.down")).otherwise(messages.text("demo.sink.up")));
        state.setMinWidth(50);

        ToggleButton breaker = new ToggleButton();
        breaker.setId("sinkOutage-" + id);
        breaker.selectedProperty().bindBidirectional(sink.downProperty());
        breaker.textProperty().bind(Bindings.when(sink.downProperty())
                .then(messages.text("demo.sink.heal")).otherwise(messages.text("demo.sink.break")));
        breaker.getStyleClass().add(Styles.DANGER);
        breaker.setMinWidth(70);

        Slider failureRate = new Slider(0, 1, 0);
        failureRate.setId("sinkFailureRate-" + id);
        failureRate.setBlockIncrement(0.05);
        failureRate.setPrefWidth(140);
        failureRate.valueProperty().bindBidirectional(sink.failureRateProperty());
        failureRate.disableProperty().bind(sink.downProperty());   // a broken sink fails everything anyway

        Label percent = new Label();
        percent.setId("sinkFailureText-" + id);
        percent.setMinWidth(45);
        percent.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("demo.sink.failureValue", sink.failureRateProperty().get()),
                sink.failureRateProperty()));

        grid.addRow(row, name, state, breaker, failureRate, percent);
    }
}
