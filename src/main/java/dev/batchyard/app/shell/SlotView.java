package dev.batchyard.app.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;

/**
 * A marked place in the main window for a view built elsewhere ({@code EventsView},
 * {@code ChartsView}, {@code InstructorPanel} from the {@code app/events}, {@code app/charts},
 * {@code app/demo} packages): it shows a note until {@link #fill(Node)} or {@link #fillScrollingItself(Node)}
 * puts the view in.
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
     * Puts {@code view} in, filling the slot; a view taller than the slot at its minimum (the
     * instructor panel, the charts in a low window) scrolls instead of being cut at both ends.
     */
    public void fill(Node view) {
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");   // no border of its own inside the tab
        scroll.skinProperty().addListener((o, was, skin) -> paintOnlyWhatChanges(scroll));
        getChildren().setAll(scroll);
    }

    /**
     * Puts in a view that scrolls its own rows (the live events list is a table) as it is: a scroll pane
     * around it would lay it out and clip it again at every change inside, four hand-overs a second. In
     * a slot lower than the view's minimum, its top (the filters) stays in view and its foot is cut.
     */
    public void fillScrollingItself(Node view) {
        StackPane.setAlignment(view, Pos.TOP_CENTER);
        getChildren().setAll(view);
    }

    /**
     * JavaFX's scroll pane skin caches its viewport (the "viewport" of its CSS structure) for fast
     * scrolling, so every change inside it paints the whole panel again into the cache and then the
     * cache onto the window (the charts change each second). Uncached, the renderer paints only the
     * regions that changed.
     */
    private static void paintOnlyWhatChanges(ScrollPane scroll) {
        Node viewport = scroll.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }
}
