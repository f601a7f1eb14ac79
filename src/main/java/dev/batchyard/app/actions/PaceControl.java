package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.ReplayRequest;
import java.util.OptionalDouble;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * "At most [20] batches/s" under a bulk retry, requeue or reroute: ticked, the action runs as the
 * store's throttled replay at that pace (so a recovering sink is not flattened) instead of at once.
 */
final class PaceControl extends HBox {
    static final int DEFAULT_RATE = 20;

    private final CheckBox paced;
    private final Spinner<Integer> rate;

    PaceControl(Messages messages) {
        super(8);
        setId("paceControl");
        setAlignment(Pos.CENTER_LEFT);
        paced = new CheckBox(messages.text("action.pace.atMost"));
        paced.setId("paced");
        paced.setMinWidth(Region.USE_PREF_SIZE);
        rate = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, (int) ReplayRequest.MAX_RATE,
                DEFAULT_RATE));
        rate.setId("paceRate");
        rate.setEditable(true);
        rate.setPrefWidth(90);
        rate.setMinWidth(Region.USE_PREF_SIZE);
        rate.disableProperty().bind(paced.selectedProperty().not());
        // typed text counts when the dialog closes, not only after Enter; text that is not a number is undone
        rate.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit();
            }
        });
        Label unit = new Label(messages.text("action.pace.unit"));
        unit.setWrapText(true);
        unit.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(paced, rate, unit);
    }

    /** The pace chosen, or empty for "at once". */
    OptionalDouble rate() {
        if (!paced.isSelected()) {
            return OptionalDouble.empty();
        }
        commit();
        return OptionalDouble.of(rate.getValue());
    }

    private void commit() {
        try {
            rate.commitValue();
        } catch (RuntimeException notANumber) {
            rate.cancelEdit();
        }
    }
}
