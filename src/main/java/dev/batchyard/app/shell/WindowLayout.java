package dev.batchyard.app.shell;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Remembers the window's size and position, its split positions and the batches table's column
 * widths in the user's preferences, and puts them back on the next start. Values are stored as
 * they change; the preferences API writes them to disk in the background.
 */
public final class WindowLayout {
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private final Preferences prefs;

    public WindowLayout(Preferences prefs) {
        this.prefs = prefs.node("layout");
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

    /** Restores and then tracks the widths of a table's columns, by column id. */
    public void track(String key, TableView<?> table) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            String name = key + "." + column.getId();
            column.setPrefWidth(prefs.getDouble(name, column.getPrefWidth()));
            column.widthProperty().addListener((o, was, is) -> prefs.putDouble(name, is.doubleValue()));
        }
    }
}
