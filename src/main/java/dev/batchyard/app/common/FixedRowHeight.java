package dev.batchyard.app.common;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * Gives a table of one-line rows a fixed row height, measured from its first laid-out row. With a
 * fixed cell size the table's {@code VirtualFlow} stops asking each cell for its height and
 * re-estimating the whole list's height when rows change, which under a stream of changes was a
 * layout pass per update (see {@code docs/fx-pulse.md}). The height is measured, not written down,
 * so it follows the theme's font and padding.
 */
public final class FixedRowHeight {
    private FixedRowHeight() {
    }

    /** Installs the row factory that measures; the table must not have a row factory of its own. */
    public static <S> void measureOnce(TableView<S> table) {
        table.setRowFactory(t -> {
            TableRow<S> row = new TableRow<>();
            row.heightProperty().addListener((o, was, height) -> {
                if (table.getFixedCellSize() <= 0 && !row.isEmpty() && height.doubleValue() > 0) {
                    table.setFixedCellSize(Math.ceil(height.doubleValue()));
                }
            });
            return row;
        });
    }
}
