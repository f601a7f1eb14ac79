package dev.batchyard.app.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.PngWriter;
import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The batches view on in-memory data: filtering through the real controls. */
@ExtendWith(ApplicationExtension.class)
class BatchesViewLookTest {
    private BatchTableViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        InMemoryBatchReader store = new InMemoryBatchReader();
        for (int i = 0; i < 200; i++) {
            store.put(Batches.view("batch-" + i, i % 3 == 0 ? "loki" : "elasticsearch",
                    BatchState.values()[i % 4], i % 11, i % 4 == 0 ? "" : "dial tcp 10.0.0." + i + ":3100: refused",
                    Batches.T0.minusSeconds(i * 60L)));
        }
        Clock clock = Clock.fixed(Batches.T0, ZoneOffset.UTC);
        model = new BatchTableViewModel(store, new CurrentThreadTaskExecutor(), clock);
        FailureGroupsViewModel groups = new FailureGroupsViewModel(model.visibleRows(),
                new FailureGroups(new FailureReasonNormaliser()));
        model.refresh();
        scene = new Scene(new BatchesView(model, groups, new Formats(new Messages(Locale.ENGLISH), ZoneOffset.UTC),
                Duration.ofHours(24)), 1200, 700);
        scene.getStylesheets().add(BatchesView.class.getResource("/dev/batchyard/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void typingInTheSearchFieldFiltersTheTable(FxRobot robot) throws Exception {
        robot.clickOn("#filterText").write("batch-19");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(11, model.shownProperty().get());
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(),
                Path.of("target/screenshots/batches-filtered.png"));
    }
}
