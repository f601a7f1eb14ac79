package dev.batchyard.app.cockpit;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.demo.DemoPanelViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The cockpit's head: in demo mode the instructor's bar (traffic on and off, its rate, a burst,
 * heal all, and the keys that do the same), then the sinks as a row of large tiles. Layout and
 * bindings only.
 */
public final class CockpitView extends VBox {

    /** @param demo the instructor panel's model in demo mode, else {@code null} */
    public CockpitView(SinkTilesViewModel tiles, DemoPanelViewModel demo, Messages messages) {
        super(8);
        setId("cockpitHead");
        getStyleClass().add("cockpit-head");
        if (demo != null) {
            getChildren().add(instructorBar(demo, messages));
        }
        HBox row = new HBox(10);
        row.setId("sinkTiles");
        tiles.tiles().forEach(t -> row.getChildren().add(new SinkTileView(t, messages)));
        tiles.tiles().addListener((ListChangeListener<SinkTileViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(t -> row.getChildren().add(new SinkTileView(t, messages)));
            }
        });
        getChildren().add(row);
    }

    private static HBox instructorBar(DemoPanelViewModel demo, Messages messages) {
        ToggleButton traffic = new ToggleButton();
        traffic.setId("cockpitTraffic");
        traffic.selectedProperty().bindBidirectional(demo.trafficRunningProperty());
        traffic.textProperty().bind(Bindings.when(traffic.selectedProperty())
                .then(messages.text("demo.traffic.stop")).otherwise(messages.text("demo.traffic.start")));
        traffic.getStyleClass().add(Styles.ACCENT);
        traffic.setFocusTraversable(false);

        Slider rate = new Slider(demo.minRate(), demo.maxRate(), demo.trafficRateProperty().get());
        rate.setId("cockpitTrafficRate");
        rate.valueProperty().bindBidirectional(demo.trafficRateProperty());
        rate.setPrefWidth(160);
        rate.setFocusTraversable(false);
        Label value = new Label();
        value.setMinWidth(Region.USE_PREF_SIZE);
        value.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("demo.traffic.rateValue", demo.trafficRateProperty().get()),
                demo.trafficRateProperty()));

        Button burst = new Button(messages.format("instructor.burst", DemoPanelViewModel.BURST));
        burst.setId("cockpitBurst");
        burst.setOnAction(e -> demo.burst());
        burst.setFocusTraversable(false);
        Button heal = new Button(messages.text("demo.healAll"));
        heal.setId("cockpitHealAll");
        heal.getStyleClass().add(Styles.SUCCESS);
        heal.setOnAction(e -> demo.healAll());
        heal.setFocusTraversable(false);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label keys = new Label(messages.text("cockpit.keys"));
        keys.setId("cockpitKeys");
        keys.getStyleClass().add(Styles.TEXT_MUTED);
        keys.setMinWidth(0);
        for (ButtonBase b : new ButtonBase[] {traffic, burst, heal}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(10, traffic, rate, value, burst, heal, gap, keys);
        bar.setId("cockpitInstructorBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
