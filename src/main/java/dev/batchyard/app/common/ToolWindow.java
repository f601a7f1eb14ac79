package dev.batchyard.app.common;

import java.net.URL;
import javafx.scene.Scene;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window of its own beside the main window for a view that lives as long as it is open (the audit
 * trail, the recently discarded batches): made on first use, brought to the front when asked again,
 * and telling its view model when it shows and hides, so nothing is read while it is closed.
 */
public final class ToolWindow {
    public static final double WIDTH = 1180;
    public static final double HEIGHT = 680;

    private final Parent view;
    private final String title;
    private final URL stylesheet;
    private final Runnable shown;
    private final Runnable hidden;
    private Stage stage;

    /**
     * @param shown  when the window appears (the view model starts reading)
     * @param hidden when it is closed (the view model stops)
     */
    public ToolWindow(Parent view, String title, URL stylesheet, Runnable shown, Runnable hidden) {
        this.view = view;
        this.title = title;
        this.stylesheet = stylesheet;
        this.shown = shown;
        this.hidden = hidden;
    }

    /** Shows the window beside {@code owner}, or brings it to the front. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.getIcons().setAll(AppIcons.all());
            Scene scene = new Scene(view, WIDTH, HEIGHT);
            scene.getStylesheets().add(stylesheet.toExternalForm());
            stage.setScene(scene);
            stage.setTitle(title);
            stage.setOnShown(e -> shown.run());
            stage.setOnHidden(e -> hidden.run());
        }
        if (stage.isShowing()) {
            stage.toFront();
        } else {
            stage.show();
        }
    }

    /** Closes it if open (the main window is closing). */
    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
