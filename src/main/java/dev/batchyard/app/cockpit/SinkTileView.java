package dev.batchyard.app.cockpit;

import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.events.SinkHealth;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One sink as a large tile, for a room: its name; its breaker in colour and in a word (green
 * "healthy", amber "probing", red "breaker open", grey "not configured"); the batches waiting for
 * it and its deliveries and failures per second in large figures; in demo mode Break / Heal and
 * the failure rate it was set to. The tile the instructor's keys act on has a thick outline.
 * Layout and bindings only.
 */
final class SinkTileView extends VBox {
    private static final List<String> STATE_CLASSES = List.of("sink-tile-closed", "sink-tile-half-open",
            "sink-tile-open", "sink-tile-not-configured");

    SinkTileView(SinkTileViewModel tile, Messages messages) {
        super(2);
        String id = tile.name().replaceAll("[^A-Za-z0-9]", "_");
        setId("sinkTile-" + id);
        getStyleClass().add("sink-tile");
        setMinWidth(0);
        HBox.setHgrow(this, Priority.ALWAYS);
        setMaxWidth(Double.MAX_VALUE);

        Label name = new Label(tile.name());
        name.getStyleClass().add("sink-tile-name");
        name.setMinWidth(0);
        Label state = new Label();
        state.setId("sinkTileState-" + id);
        state.getStyleClass().add("sink-tile-state");
        state.setMinWidth(Region.USE_PREF_SIZE);   // the word is what the room reads: the name gives way
        state.textProperty().bind(Bindings.createStringBinding(() -> messages.text(stateKey(tile.healthProperty().get())),
                tile.healthProperty()));
        tile.healthProperty().addListener((o, was, now) -> showState(now));
        showState(tile.healthProperty().get());
        HBox top = new HBox(12, name, state);
        top.setAlignment(Pos.BASELINE_LEFT);

        HBox figures = new HBox(18,
                figure("sinkTileWaiting-" + id, Bindings.createStringBinding(
                        () -> messages.format("cockpit.tile.count", tile.waitingProperty().get()), tile.waitingProperty()),
                        messages.text("cockpit.tile.waiting")),
                figure("sinkTileDelivered-" + id, rate(tile.deliveredPerSecondProperty(), messages),
                        messages.text("cockpit.tile.delivered")),
                figure("sinkTileFailed-" + id, rate(tile.failedPerSecondProperty(), messages),
                        messages.text("cockpit.tile.failed")));
        getChildren().addAll(top, figures);

        tile.simulated().ifPresent(sink -> {
            ToggleButton breaker = new ToggleButton();
            breaker.setId("sinkTileBreak-" + id);
            breaker.getStyleClass().add("sink-tile-button");
            breaker.selectedProperty().bindBidirectional(sink.downProperty());
            breaker.textProperty().bind(Bindings.when(sink.downProperty())
                    .then(messages.text("demo.sink.heal")).otherwise(messages.text("demo.sink.break")));
            breaker.setFocusTraversable(false);
            breaker.setMinWidth(Region.USE_PREF_SIZE);   // F3 breaks and heals; Space must not hit a button by accident
            Label failures = new Label();
            failures.setId("sinkTileFailureRate-" + id);
            failures.getStyleClass().add("sink-tile-caption");
            failures.textProperty().bind(Bindings.createStringBinding(() -> sink.downProperty().get()
                            ? messages.text("cockpit.tile.broken")
                            : messages.format("cockpit.tile.failureRate", sink.failureRateProperty().get()),
                    sink.downProperty(), sink.failureRateProperty()));
            Slider failureRate = new Slider(0, 1, 0);
            failureRate.setId("sinkTileFailureSlider-" + id);
            failureRate.valueProperty().bindBidirectional(sink.failureRateProperty());
            failureRate.disableProperty().bind(sink.downProperty());
            failureRate.setFocusTraversable(false);
            HBox.setHgrow(failureRate, Priority.ALWAYS);
            failures.setMinWidth(Region.USE_PREF_SIZE);
            HBox controls = new HBox(10, breaker, failureRate, failures);
            controls.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(controls);
        });
        tile.pickedProperty().addListener((o, was, now) -> pseudoPicked(now));
        pseudoPicked(tile.pickedProperty().get());
    }

    private void pseudoPicked(boolean picked) {
        getStyleClass().remove("sink-tile-picked");
        if (picked) {
            getStyleClass().add("sink-tile-picked");
        }
    }

    private void showState(SinkHealth health) {
        getStyleClass().removeAll(STATE_CLASSES);
        getStyleClass().add("sink-tile-" + health.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static String stateKey(SinkHealth health) {
        return switch (health) {
            case CLOSED -> "cockpit.tile.state.CLOSED";
            case HALF_OPEN -> "cockpit.tile.state.HALF_OPEN";
            case OPEN -> "cockpit.tile.state.OPEN";
            case NOT_CONFIGURED -> "cockpit.tile.state.NOT_CONFIGURED";
        };
    }

    private static ObservableValue<String> rate(javafx.beans.value.ObservableNumberValue perSecond, Messages messages) {
        return Bindings.createStringBinding(() -> messages.format("cockpit.tile.rate", perSecond.doubleValue()), perSecond);
    }

    private static VBox figure(String id, ObservableValue<String> value, String caption) {
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("sink-tile-figure");
        number.textProperty().bind(value);
        number.setMinWidth(Region.USE_PREF_SIZE);
        Label under = new Label(caption);
        under.getStyleClass().add("sink-tile-caption");
        return new VBox(0, number, under);
    }
}
