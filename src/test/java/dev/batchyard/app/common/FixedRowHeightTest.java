package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FixedRowHeightTest {
    private TableView<String> inTest;

    @Start
    void start(Stage stage) {
        inTest = new TableView<>(FXCollections.observableArrayList("a", "b", "c"));
        TableColumn<String, String> column = new TableColumn<>("letter");
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()));
        inTest.getColumns().add(column);
        FixedRowHeight.measureOnce(inTest);
        stage.setScene(new Scene(inTest, 300, 200));
        stage.show();
    }

    @Test
    void theTableGetsTheHeightItsFirstRowWasLaidOutWith(FxRobot robot) {
        TableRow<?> row = robot.lookup(".table-row-cell").queryAs(TableRow.class);

        assertTrue(inTest.getFixedCellSize() > 0, "no fixed cell size: " + inTest.getFixedCellSize());
        assertEquals(Math.ceil(row.getHeight()), inTest.getFixedCellSize());
    }
}
