package dev.batchyard.app.common;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A fixed tooltip made when the pointer first comes over its control, not with the window. A
 * {@link Tooltip} is a popup window with a scene of its own, and every new scene matches its root
 * against the whole theme afresh: made at once, the toolbar's and the filter bar's tooltips were
 * about a tenth of a new window's style work before its first frame. The pointer's first move over
 * the control makes it (a filter, so the same move reaches the tooltip's own handlers and starts its
 * delay, as if it had always been there); until then the text is the control's accessible help,
 * which is what a screen reader is given from a tooltip anyway.
 */
public final class HoverTooltip {
    private HoverTooltip() {
    }

    /** Gives {@code control} a tooltip saying {@code text}, made when the pointer first comes over it. */
    public static void install(Control control, String text) {
        control.setAccessibleHelp(text);
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventFilter(MouseEvent.MOUSE_ENTERED, this);
                control.removeEventFilter(MouseEvent.MOUSE_MOVED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text));
                }
            }
        };
        control.addEventFilter(MouseEvent.MOUSE_ENTERED, first);
        control.addEventFilter(MouseEvent.MOUSE_MOVED, first);
    }
}
