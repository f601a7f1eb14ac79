package dev.batchyard.app.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Read-only text columns: an id (tables remember their layout by it), a title and a value. */
public final class TextColumns {
    private TextColumns() {
    }

    /** @param minWidth what the header and a typical value need in either language */
    public static <S> TableColumn<S, String> of(String id, String title, Function<S, String> value, double width,
                                                double minWidth) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        column.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return column;
    }
}
