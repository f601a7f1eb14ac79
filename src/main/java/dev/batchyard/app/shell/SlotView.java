package dev.batchyard.app.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
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

    public void fill(Node view) {
        getChildren().setAll(view);
    }
}
