package dev.batchyard.app.shell;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * Remembers a window's size and position, its split positions and its tables' columns (see
 * {@link TableLayout}) in the user's preferences, and puts them back on the next start. Each kind
 * of window has its own node, so resizing a Go-browsing window does not resize the main window
 * next time. Values are stored as they change; the preferences API writes them to disk in the
 * background.
 */
public final class WindowLayout {
    /** The main window's node (its name predates the other windows). */
    public static final String MAIN = "layout";
    /** The node of File ▸ Open Go directory's windows. */
    public static final String GO_BROWSER = "goBrowserLayout";
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private final Preferences prefs;
    private final TableLayout tables;

    /**
     * @param prefs the app's preferences node
     * @param node  the window kind's child node: {@link #MAIN} or {@link #GO_BROWSER}
     */
    public WindowLayout(Preferences prefs, String node) {
        this.prefs = prefs.node(node);
        this.tables = new TableLayout(this.prefs);
    }

    /** Size and place the stage as last time (centred at a default size the first time). */
    public void restoreWindow(Stage stage) {
        stage.setWidth(prefs.getDouble("width", DEFAULT_WIDTH));
        stage.setHeight(prefs.getDouble("height", DEFAULT_HEIGHT));
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            stage.centerOnScreen();
        } else {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean("maximized", false));
        stage.widthProperty().addListener((o, was, is) -> remember("width", is.doubleValue(), stage));
        stage.heightProperty().addListener((o, was, is) -> remember("height", is.doubleValue(), stage));
        stage.xProperty().addListener((o, was, is) -> remember("x", is.doubleValue(), stage));
        stage.yProperty().addListener((o, was, is) -> remember("y", is.doubleValue(), stage));
        stage.maximizedProperty().addListener((o, was, is) -> prefs.putBoolean("maximized", is));
    }

    private void remember(String key, double value, Stage stage) {
        if (!stage.isMaximized()) {
            prefs.putDouble(key, value);
        }
    }

    /** Restores and then tracks a split pane's dividers under {@code key}. */
    public void track(String key, SplitPane split, double... defaults) {
        double[] positions = new double[defaults.length];
        for (int i = 0; i < defaults.length; i++) {
            positions[i] = prefs.getDouble(key + "." + i, defaults[i]);
        }
        split.setDividerPositions(positions);
        // the first layout clamps dividers to the panels' preferred sizes; put them back after it
        Platform.runLater(() -> split.setDividerPositions(positions));
        List<SplitPane.Divider> dividers = split.getDividers();
        for (int i = 0; i < dividers.size(); i++) {
            String name = key + "." + i;
            dividers.get(i).positionProperty().addListener((o, was, is) -> prefs.putDouble(name, is.doubleValue()));
        }
    }

    /** The window's tables' columns, in the same node. */
    public TableLayout tables() {
        return tables;
    }
}
