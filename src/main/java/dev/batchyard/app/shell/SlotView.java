package dev.batchyard.app.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;

/**
 * A marked place in the main window for a view built elsewhere ({@code EventsView},
 * {@code ChartsView}, {@code InstructorPanel} from the {@code app/events}, {@code app/charts},
 * {@code app/demo} packages): it shows a note until {@link #fill(Node)} puts the view in.
 */
public final class SlotView extends StackPane {

    public SlotView(String id, String placeholderText) {
        setId(id);
        getStyleClass().add("slot");
        // the panels are big (charts); the split pane, not their minimum size, decides the height
        setMinSize(0, 0);
        Label note = new Label(placeholderText);
        note.getStyleClass().add("slot-placeholder");
        getChildren().add(note);
    }

    /**
     * Puts {@code view} in, filling the slot: for a view that scrolls its own content (the live events
     * list is a table). It is not wrapped in a {@link ScrollPane}: a scroll pane's viewport is a cached
     * node, so every change inside it (four hand-overs a second on the live list) would paint the whole
     * view again into the cache and then the cache onto the window, where the table alone repaints
     * what changed. The tab pane clips what does not fit.
     */
    public void fill(Node view) {
        getChildren().setAll(view);
    }

    /**
     * Puts {@code view} in, filling the slot; a view taller than the slot at its minimum (the
     * instructor panel, the charts in a low window) scrolls instead of being cut at both ends.
     */
    public void fillScrolling(Node view) {
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");   // no border of its own inside the tab
        getChildren().setAll(scroll);
    }
}
