package dev.batchyard.app.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The children of a pane, in order, each put in the first time it is visible. A part of a window that
 * shows itself only when it has news (a banner, the replay strip, an action's outcome) would otherwise
 * be styled and laid out with the window's first frame, though hidden: every node of a new window is
 * matched against the whole theme before that frame. Such a part is hidden and unmanaged until then,
 * taking no room, so putting it in when it first shows changes nothing on screen; once in, it stays,
 * hiding and showing itself as before.
 */
public final class JoinsWhenShown {
    private final Pane pane;
    /** Every child given, in the order they stand in the pane once all are in. */
    private final List<Node> order = new ArrayList<>();

    /** Over {@code pane}: the children it has now come first. */
    public JoinsWhenShown(Pane pane) {
        this.pane = pane;
        order.addAll(pane.getChildren());
    }

    /** Adds {@code child} after those added before: now if it is visible, else the first time it is. */
    public JoinsWhenShown add(Node child) {
        order.add(child);
        if (child.isVisible()) {
            join(child);
        } else {
            child.visibleProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean shown) {
                    if (shown) {
                        child.visibleProperty().removeListener(this);
                        join(child);
                    }
                }
            });
        }
        return this;
    }

    public Pane pane() {
        return pane;
    }

    private void join(Node child) {
        int index = 0;
        for (Node earlier : order) {
            if (earlier == child) {
                break;
            }
            if (earlier.getParent() == pane) {
                index++;
            }
        }
        pane.getChildren().add(index, child);
    }
}
