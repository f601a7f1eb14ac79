package dev.batchyard.app.shell;

import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.i18n.Language;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * View › Language: one item per language, each named in its own language. The choice is
 * remembered and applies from the next start: every view is built with its texts once, and
 * rebuilding the window would mean reopening the store.
 */
public final class LanguageMenu {
    private LanguageMenu() {
    }

    public static Menu build(Messages messages, Language current, LanguageChoice choice) {
        Menu menu = new Menu(messages.text("menu.language"));
        menu.setId("languageMenu");
        ToggleGroup group = new ToggleGroup();
        for (Language language : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(messages.text("language." + language.tag()));
            item.setId("language-" + language.tag());
            item.setToggleGroup(group);
            item.setSelected(language == current);
            item.setOnAction(e -> {
                choice.remember(language);
                if (language != current) {
                    // said in the language just picked: it is the one the user reads
                    Messages chosen = LanguageChoice.messages(language);
                    Alert notice = new Alert(Alert.AlertType.INFORMATION, chosen.text("language.changed"));
                    notice.setHeaderText(null);
                    notice.setTitle(chosen.text("menu.language"));
                    notice.getDialogPane().setId("languageNotice");
                    notice.show();
                }
            });
            menu.getItems().add(item);
        }
        return menu;
    }
}
