package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A hidden child joins its pane when it first shows, in its place among the others, and stays. */
@ExtendWith(ApplicationExtension.class)
class JoinsWhenShownTest {
    private Label first;
    private Label banner;
    private Label strip;
    private Label last;

    @Start
    void start(Stage stage) {
        first = new Label("first");
        banner = hidden("banner");
        strip = hidden("strip");
        last = new Label("last");
    }

    private static Label hidden(String text) {
        Label label = new Label(text);
        label.setVisible(false);
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    @Test
    void eachHiddenChildJoinsInItsPlaceWhenItFirstShowsAndStays() {
        JoinsWhenShown joins = new JoinsWhenShown(new VBox(first)).add(banner).add(strip).add(last);
        assertEquals(List.of(first, last), joins.pane().getChildren());

        strip.setVisible(true);
        assertEquals(List.of(first, strip, last), joins.pane().getChildren());
        banner.setVisible(true);
        assertEquals(List.of(first, banner, strip, last), joins.pane().getChildren(), "before the strip, as added");

        banner.setVisible(false);   // hidden again: it stays, hiding itself as before
        banner.setVisible(true);
        assertEquals(List.of(first, banner, strip, last), joins.pane().getChildren());
    }

    @Test
    void aChildVisibleWhenAddedIsInAtOnce() {
        JoinsWhenShown joins = new JoinsWhenShown(new VBox()).add(first).add(banner).add(last);
        assertEquals(List.of(first, last), joins.pane().getChildren());
    }
}
