package dev.batchyard.app.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.events.Screenshots;
import dev.batchyard.engine.events.BatchEvent.CorruptionFound;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class StoreHealthViewTest {
    private static final Formats ENGLISH = new Formats(new Messages(Locale.ENGLISH), ZoneOffset.UTC);
    private final List<CorruptionFound> kept = List.of(Damage.tornTail(0), Damage.setAside(1, "b-17"),
            Damage.lost(2, "b-1", "b-2", "b-3", "b-4", "b-5"));
    private final StoreHealthViewModel viewModel = new StoreHealthViewModel(() -> kept,
            new CurrentThreadTaskExecutor(), ENGLISH.messages());
    private StoreHealthView inTest;

    @Start
    void start(Stage stage) {
        inTest = new StoreHealthView(viewModel, ENGLISH);
        HealthStage.show(stage, inTest, 1100, 420);
    }

    @SuppressWarnings("unchecked")
    private static String cell(TableView<CorruptionFound> table, String columnId, int row) {
        TableColumn<CorruptionFound, String> column = (TableColumn<CorruptionFound, String>) table.getColumns()
                .stream().filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
        return column.getCellData(row);
    }

    @Test
    void everyReportIsARowSayingWhatWhereAndWhichBatches(FxRobot robot) {
        robot.interact(viewModel::load);
        TableView<CorruptionFound> table = robot.lookup("#damageTable").queryTableView();

        assertEquals(3, table.getItems().size());
        assertEquals("Torn write cut off", cell(table, "damageKindColumn", 0));
        assertEquals("00000000000000000007.seg", cell(table, "damageFileColumn", 0));
        assertEquals("40,960", cell(table, "damageOffsetColumn", 0));
        assertEquals("\u2014", cell(table, "damageBatchesColumn", 0));
        assertEquals("Batch set aside", cell(table, "damageKindColumn", 1));
        assertEquals("b-17", cell(table, "damageBatchesColumn", 1));
        assertEquals("b-1, b-2 +3 more", cell(table, "damageBatchesColumn", 2));
        assertEquals("no other copy exists", cell(table, "damageActionColumn", 2));
    }

    @Test
    void aReportIsInFullInItsRowsTooltipAndCopiedWhole(FxRobot robot) throws Exception {
        robot.interact(viewModel::load);
        // the rows are laid out on a later pulse; under load that is after interact returns
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Batch lost").tryQuery().isPresent());

        robot.clickOn("Batch lost");
        TableRow<?> row = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() == kept.get(2)).findFirst().orElseThrow();
        String details = row.getTooltip().getText();
        String copied = WaitForAsyncUtils.asyncFx(() -> {
            inTest.copySelected();
            return Clipboard.getSystemClipboard().getString();
        }).get();

        assertTrue(details.contains("File:           /var/lib/batchyard/segments/00000000000000000002.seg"), details);
        assertTrue(details.contains("Batches:        b-1, b-2, b-3, b-4, b-5"), details);
        assertTrue(details.contains("What was done:  no other copy exists"), details);
        assertEquals(details, copied);
        assertTrue(Screenshots.save(inTest, "store-health").toFile().length() > 1000);
    }

    @Test
    void withoutDamageTheViewSaysSo(FxRobot robot) {
        TableView<CorruptionFound> table = robot.lookup("#damageTable").queryTableView();

        assertEquals(0, table.getItems().size());
        assertTrue(robot.lookup("No damage found since the store was opened.").tryQuery().isPresent());
    }
}
