package dev.batchyard.app.actions;

import dev.batchyard.app.common.Command;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The operator's actions by name, for the menus, the toolbar and the context menus: retry,
 * discard and reroute on the selection and on everything shown; requeue of the dead batches among
 * them; pause/resume recovery, cleanup now, cancel the running action; set a label on the selected
 * batches' entries, split the selected batch, merge the selected batches.
 */
public record ActionCommands(Command retrySelected, Command discardSelected, Command rerouteSelected,
                             Command retryShown, Command discardShown, Command rerouteShown,
                             Command toggleRecovery, Command runCleanup, Command cancel,
                             Command requeueSelected, Command requeueShown,
                             Command labelSelected, Command splitSelected, Command mergeSelected) {
    public static final KeyCombination CANCEL =
            new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);
}
