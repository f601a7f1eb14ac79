package dev.batchyard.app.shell;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The window's own commands: switch the theme, the cockpit on and off, about, quit. */
public record WindowCommands(Command toggleTheme, Command toggleCockpit, Command about, Command quit) {

    /** @param toggleCockpit switches the main window between its working layout and the cockpit */
    public static WindowCommands of(Messages messages, ThemeSwitcher theme, Runnable toggleCockpit, Runnable showAbout,
                                    Runnable close) {
        ObservableBooleanValue never = Bindings.createBooleanBinding(() -> false);
        KeyCombination.Modifier shortcut = KeyCombination.SHORTCUT_DOWN;
        return new WindowCommands(
                new Command("toggleTheme", messages.text("action.toggleTheme"), MaterialDesignT.THEME_LIGHT_DARK,
                        new KeyCodeCombination(KeyCode.T, shortcut, KeyCombination.SHIFT_DOWN), never, theme::toggle),
                new Command("toggleCockpit", messages.text("action.toggleCockpit"), MaterialDesignM.MONITOR_DASHBOARD,
                        new KeyCodeCombination(KeyCode.F9), never, toggleCockpit),
                new Command("about", messages.text("action.about"), MaterialDesignI.INFORMATION_OUTLINE,
                        new KeyCodeCombination(KeyCode.F1), never, showAbout),
                new Command("quit", messages.text("action.quit"), MaterialDesignE.EXIT_TO_APP,
                        new KeyCodeCombination(KeyCode.Q, shortcut), never, close));
    }
}
