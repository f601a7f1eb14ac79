package dev.batchyard.app.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Remembers a table's columns in a preferences node: each column's width and whether it is shown,
 * and the order the operator dragged them into. Columns are keyed by their id, not their title,
 * which changes with the language; a column added in a later version, so absent from the stored
 * order, keeps its place after the remembered ones. Values are stored as they change, until
 * {@link #stopTracking()}: a closed window writes nothing more (its node may be gone).
 *
 * <p>Keys, for a table tracked under {@code key}: {@code key.<columnId>} (width),
 * {@code key.<columnId>.visible}, {@code key.order} (column ids, comma-separated).
 */
public final class TableLayout {
    private final Preferences prefs;
    private final List<Runnable> untrack = new ArrayList<>();

    /** @param prefs the node the keys live in (one per window, see {@link WindowLayout}) */
    public TableLayout(Preferences prefs) {
        this.prefs = prefs;
    }

    /**
     * Restores and then tracks {@code table}'s columns under {@code key}.
     *
     * @throws IllegalArgumentException if a column has no id: it could not be found again
     */
    public <S> void track(String key, TableView<S> table) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (column.getId() == null || column.getId().isBlank()) {
                throw new IllegalArgumentException("column '" + column.getText() + "' of table '" + key
                        + "' has no id to remember its width by");
            }
        }
        restoreOrder(key, table);
        for (TableColumn<?, ?> column : table.getColumns()) {
            trackColumn(key + "." + column.getId(), column);
        }
        ListChangeListener<TableColumn<S, ?>> order = change -> rememberOrder(key, table);
        table.getColumns().addListener(order);
        untrack.add(() -> table.getColumns().removeListener(order));
    }

    /** Stops storing what changes: the window closes. */
    public void stopTracking() {
        untrack.forEach(Runnable::run);
        untrack.clear();
    }

    private void trackColumn(String name, TableColumn<?, ?> column) {
        column.setPrefWidth(prefs.getDouble(name, column.getPrefWidth()));
        column.setVisible(prefs.getBoolean(name + ".visible", column.isVisible()));
        ChangeListener<Number> width = (o, was, is) -> {
            // a hidden column is laid out at no width; keep the width it had when shown
            if (column.isVisible() && is.doubleValue() > 0) {
                prefs.putDouble(name, is.doubleValue());
            }
        };
        ChangeListener<Boolean> visible = (o, was, is) -> prefs.putBoolean(name + ".visible", is);
        column.widthProperty().addListener(width);
        column.visibleProperty().addListener(visible);
        untrack.add(() -> {
            column.widthProperty().removeListener(width);
            column.visibleProperty().removeListener(visible);
        });
    }

    private <S> void restoreOrder(String key, TableView<S> table) {
        String stored = prefs.get(key + ".order", "");
        if (stored.isEmpty()) {
            return;
        }
        List<String> order = Arrays.asList(stored.split(","));
        List<TableColumn<S, ?>> columns = new ArrayList<>(table.getColumns());
        // a stable sort: columns the stored order does not name keep their relative place, last
        columns.sort(Comparator.comparingInt(c -> {
            int at = order.indexOf(c.getId());
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        table.getColumns().setAll(columns);
    }

    private void rememberOrder(String key, TableView<?> table) {
        List<String> ids = table.getColumns().stream().map(TableColumn::getId).toList();
        prefs.put(key + ".order", String.join(",", ids));
    }
}
