package dev.batchyard.app.shell;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The window's own commands: switch the theme, the cockpit on and off, the user guide (F1), the log folder, about, quit. */
public record WindowCommands(Command toggleTheme, Command toggleCockpit, Command userGuide, Command openLogFolder,
                             Command about, Command quit) {

    /**
     * The actions, each run on the FX thread.
     *
     * @param toggleCockpit switches the main window between its working layout and the cockpit
     */
    public record Actions(Runnable toggleCockpit, Runnable showUserGuide, Runnable openLogFolder, Runnable showAbout,
                          Runnable close) {
    }

    public static WindowCommands of(Messages messages, ThemeSwitcher theme, Actions actions) {
        ObservableBooleanValue never = Bindings.createBooleanBinding(() -> false);
        KeyCombination.Modifier shortcut = KeyCombination.SHORTCUT_DOWN;
        return new WindowCommands(
                new Command("toggleTheme", messages.text("action.toggleTheme"), MaterialDesignT.THEME_LIGHT_DARK,
                        new KeyCodeCombination(KeyCode.T, shortcut, KeyCombination.SHIFT_DOWN), never, theme::toggle),
                new Command("toggleCockpit", messages.text("action.toggleCockpit"), MaterialDesignM.MONITOR_DASHBOARD,
                        new KeyCodeCombination(KeyCode.F9), never, actions.toggleCockpit()),
                new Command("userGuide", messages.text("action.userGuide"), MaterialDesignB.BOOK_OPEN_VARIANT,
                        new KeyCodeCombination(KeyCode.F1), never, actions.showUserGuide()),
                new Command("openLogFolder", messages.text("action.openLogFolder"), MaterialDesignF.FOLDER_TEXT_OUTLINE,
                        null, never, actions.openLogFolder()),
                new Command("about", messages.text("action.about"), MaterialDesignI.INFORMATION_OUTLINE,
                        null, never, actions.showAbout()),
                new Command("quit", messages.text("action.quit"), MaterialDesignE.EXIT_TO_APP,
                        new KeyCodeCombination(KeyCode.Q, shortcut), never, actions.close()));
    }
}
