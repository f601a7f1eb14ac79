package dev.batchyard.app.demo;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Messages;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The instructor's keys, for a demo in front of a room: function keys, which no text field types
 * and a presenter finds without looking. Pick a sink (F2, Shift+F2), break or heal it (F3), heal
 * them all (F4), its failure rate down or up by ten points (F6, F7), traffic on or off (F8), a
 * burst of batches (Shift+F8). Listed in the Instructor menu, so the user guide lists them too.
 */
public final class InstructorCommands {
    /** One press of F6 or F7 moves the picked sink's failure rate by this much (ten points). */
    static final double FAILURE_STEP = 0.1;

    private InstructorCommands() {
    }

    /** The commands in menu order. */
    public static List<Command> of(DemoPanelViewModel demo, Messages messages) {
        ObservableBooleanValue never = Bindings.createBooleanBinding(() -> false);
        return List.of(
                new Command("pickNextSink", messages.text("instructor.pickNext"), null,
                        new KeyCodeCombination(KeyCode.F2), never, demo::pickNext),
                new Command("pickPreviousSink", messages.text("instructor.pickPrevious"), null,
                        new KeyCodeCombination(KeyCode.F2, KeyCombination.SHIFT_DOWN), never, demo::pickPrevious),
                new Command("breakOrHealSink", messages.text("instructor.breakOrHeal"), MaterialDesignL.LAN_DISCONNECT,
                        new KeyCodeCombination(KeyCode.F3), never, demo::breakOrHealPicked),
                new Command("healAllSinks", messages.text("demo.healAll"), MaterialDesignH.HEART_PULSE,
                        new KeyCodeCombination(KeyCode.F4), never, demo::healAll),
                new Command("failureRateDown", messages.text("instructor.failureDown"), null,
                        new KeyCodeCombination(KeyCode.F6), never, () -> demo.changePickedFailureRate(-FAILURE_STEP)),
                new Command("failureRateUp", messages.text("instructor.failureUp"), null,
                        new KeyCodeCombination(KeyCode.F7), never, () -> demo.changePickedFailureRate(FAILURE_STEP)),
                new Command("toggleTraffic", messages.text("instructor.toggleTraffic"), MaterialDesignP.PLAY_PAUSE,
                        new KeyCodeCombination(KeyCode.F8), never, demo::toggleTraffic),
                new Command("trafficBurst", messages.format("instructor.burst", DemoPanelViewModel.BURST),
                        MaterialDesignF.FLASH, new KeyCodeCombination(KeyCode.F8, KeyCombination.SHIFT_DOWN), never,
                        demo::burst));
    }
}
