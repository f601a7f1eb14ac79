package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.T0;
import static dev.batchyard.app.batches.Batches.view;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.TableRows;
import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.Language;
import dev.batchyard.model.BatchState;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The batches table alone, over a store of 200,000 batches in memory: a new order asked from deep
 * in the list shows the new list's top, and the flow behind the table still spans every row.
 */
@ExtendWith(ApplicationExtension.class)
class BatchTableViewTest {
    private static final int BATCHES = 200_000;
    private static final Formats FORMATS = new Formats(new Messages(Locale.ENGLISH), ZoneOffset.UTC);
    private BatchTableViewModel model;
    private BatchTableView table;

    @Start
    void start(Stage stage) {
        MutableClock clock = new MutableClock(T0.plusSeconds(120));
        InMemoryBatchSource store = new InMemoryBatchSource(clock);
        for (int i = 0; i < BATCHES; i++) {
            store.put(view("b-%06d".formatted(i), "loki", BatchState.PENDING, 0, "", T0.plusMillis(i)));
        }
        model = new BatchTableViewModel(store, new CurrentThreadTaskExecutor(), clock,
                new EngineTexts(Language.ENGLISH));
        table = new BatchTableView(model, FORMATS, Duration.ofDays(7));
        stage.setScene(new Scene(table, 900, 500));
        stage.show();
        model.refresh();
    }

    @Test
    void aNewOrderAskedDeepInTheListShowsItsTopAndStillSpansEveryRow() throws Exception {
        waitUntil(() -> TableRows.firstShown(table) == 0 && table.getItems().get(0) != null);
        onFx(() -> {
            table.scrollTo(150_000);
            return null;
        });
        waitUntil(() -> TableRows.firstShown(table) >= 149_000
                && table.getItems().get(TableRows.firstShown(table)) != null);

        onFx(() -> {
            model.orderProperty().set(new BatchOrder(BatchOrder.Field.ID, BatchOrder.Direction.DESCENDING));
            return null;
        });

        waitUntil(() -> TableRows.firstShown(table) == 0 && table.getItems().get(0) != null);
        assertEquals("b-199999", onFx(() -> table.getItems().get(0).id()), "the new order's first row");
        assertEquals(BATCHES, (int) onFx(() -> flow().getCellCount()), "the flow spans every row again");
        assertEquals(BATCHES, (int) onFx(() -> table.getItems().size()));
        onFx(() -> {
            table.scrollTo(BATCHES - 1);
            return null;
        });
        waitUntil(() -> table.getItems().get(BATCHES - 1) != null);
        assertEquals("b-000000", onFx(() -> table.getItems().get(BATCHES - 1).id()), "and reaches the last");
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) table.lookup(".virtual-flow");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
