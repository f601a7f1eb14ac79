package dev.batchyard.app.common;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose view joins the scene the first time the tab is selected. A view in a tab that is
 * not in front is still styled and laid out by JavaFX (the tab pane keeps every tab's content in
 * the scene, hidden): the charts, the store's health and the failure groups are a third of the
 * main window's nodes, and styling them delayed its first frame (docs/fx-pulse.md, "Opening the
 * window"). The view itself is built, and kept up to date by its view model, from the start; only
 * its styling and layout wait. Once in, it stays.
 */
public final class TabContent {
    private TabContent() {
    }

    /**
     * Makes {@code view} {@code tab}'s content now if the tab is selected, else when it first is.
     * Content set otherwise before then (the cockpit takes a view out and puts it back) is left alone.
     */
    public static void onFirstSelection(Tab tab, Node view) {
        if (tab.isSelected()) {
            tab.setContent(view);
            return;
        }
        ChangeListener<Boolean> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    if (tab.getContent() == null) {
                        tab.setContent(view);
                    }
                }
            }
        };
        tab.selectedProperty().addListener(once);
    }
}
