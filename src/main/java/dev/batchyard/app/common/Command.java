package dev.batchyard.app.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One user action with its label, icon and shortcut, so the menu item, the toolbar button and
 * the tooltip all show the same shortcut and run the same code.
 *
 * @param id       node id for tests and CSS ({@code retrySelected})
 * @param text     the label (from the bundle)
 * @param icon     {@code null} for none
 * @param shortcut {@code null} for none
 * @param disabled when the action is not possible now
 */
public record Command(String id, String text, Ikon icon, KeyCombination shortcut,
                      ObservableBooleanValue disabled, Runnable action) {

    public MenuItem menuItem() {
        MenuItem item = new MenuItem(text);
        item.setId(id + "Menu");
        if (icon != null) {
            item.setGraphic(new FontIcon(icon));
        }
        item.setAccelerator(shortcut);
        item.disableProperty().bind(disabled);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** An icon-only toolbar button whose tooltip names the action and its shortcut. */
    public Button button(Messages messages) {
        Button button = new Button(null, icon != null ? new FontIcon(icon) : null);
        if (icon == null) {
            button.setText(text);
        }
        button.setId(id + "Button");
        // made when first hovered: a new window's toolbar would otherwise style a popup scene per button
        HoverTooltip.install(button, shortcut == null ? text
                : messages.format("tooltip.withShortcut", text, shortcut.getDisplayText()));
        button.disableProperty().bind(disabled);
        button.setOnAction(e -> action.run());
        return button;
    }
}
