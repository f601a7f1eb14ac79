package dev.batchyard.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * Remembers a window's size and position, its split positions and its tables' columns (see
 * {@link TableLayout}) in the user's preferences, and puts them back on the next start. Each kind
 * of window has its own node, so resizing a Go-browsing window does not resize the main window
 * next time. Values are stored as they change; the preferences API writes them to disk in the
 * background. {@link #close()} stops that: a stage outlives its window (the next window may reuse
 * it) and must not write into a node that is gone or another window's.
 *
 * <p>UI thread only.
 */
public final class WindowLayout implements AutoCloseable {
    /** The main window's node (its name predates the other windows). */
    public static final String MAIN = "layout";
    /** The node of File ▸ Open Go directory's windows. */
    public static final String GO_BROWSER = "goBrowserLayout";
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private final Preferences prefs;
    private final TableLayout tables;
    private final List<Runnable> untrack = new ArrayList<>();

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
        listen(stage.widthProperty(), (o, was, is) -> remember("width", is.doubleValue(), stage));
        listen(stage.heightProperty(), (o, was, is) -> remember("height", is.doubleValue(), stage));
        listen(stage.xProperty(), (o, was, is) -> remember("x", is.doubleValue(), stage));
        listen(stage.yProperty(), (o, was, is) -> remember("y", is.doubleValue(), stage));
        listen(stage.maximizedProperty(), (o, was, is) -> prefs.putBoolean("maximized", is));
    }

    private <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        untrack.add(() -> value.removeListener(listener));
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
            listen(dividers.get(i).positionProperty(), (o, was, is) -> prefs.putDouble(name, is.doubleValue()));
        }
    }

    /** Stops storing what changes; what was stored stays. */
    @Override
    public void close() {
        untrack.forEach(Runnable::run);
        untrack.clear();
        tables.stopTracking();
    }

    /** The window's tables' columns, in the same node. */
    public TableLayout tables() {
        return tables;
    }
}
