package dev.batchyard.app.shell;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Messages;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.geometry.Orientation;
import javafx.scene.control.Separator;

/** Builds menus and toolbars from {@link Command}s; a {@code null} command is a separator. */
public final class Menus {
    private Menus() {
    }

    public static Menu menu(String id, String text, Command... commands) {
        Menu menu = new Menu(text);
        menu.setId(id);
        for (Command command : commands) {
            menu.getItems().add(command == null ? new SeparatorMenuItem() : command.menuItem());
        }
        return menu;
    }

    public static Menu menu(String id, String text, List<MenuItem> items) {
        Menu menu = new Menu(text);
        menu.setId(id);
        menu.getItems().addAll(items);
        return menu;
    }

    public static ToolBar toolBar(Messages messages, Command... commands) {
        ToolBar bar = new ToolBar();
        bar.setId("mainToolBar");
        Arrays.stream(commands).forEach(c -> bar.getItems().add(c == null ? new Separator(Orientation.VERTICAL) : c.button(messages)));
        return bar;
    }
}
