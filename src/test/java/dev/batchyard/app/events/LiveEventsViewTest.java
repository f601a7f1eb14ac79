package dev.batchyard.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Formats;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.events.SinkHealth;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LiveEventsViewTest {
    private final MutableClock clock = new MutableClock(SampleEvents.T0);
    private final Formats formats = PanelTexts.english();
    private final LiveEventsViewModel viewModel = new LiveEventsViewModel(new EventDescriber(formats),
            new AlertCoalescer(formats.messages(), clock, Duration.ofSeconds(10)), 10_000);
    private LiveEventsView inTest;

    @Start
    void start(Stage stage) {
        inTest = new LiveEventsView(viewModel);
        PanelStage.show(stage, inTest, 1200, 500);
    }

    @Test
    void showsEveryEventTypeAsARowAndSavesAScreenshot(FxRobot robot) {
        robot.interact(() -> viewModel.apply(SampleEvents.oneOfEach()));
        TableView<EventRow> table = robot.lookup("#eventTable").queryTableView();
        assertEquals(17, table.getItems().size());
        assertEquals("17 events \u00b7 17 shown \u00b7 2,500 missed",
                robot.lookup("#eventSummary").queryAs(Label.class).getText());
        assertTrue(Screenshots.save(inTest, "live-events").toFile().length() > 1000);
    }

    @Test
    void typingInTheFilterNarrowsTheTable(FxRobot robot) {
        robot.interact(() -> viewModel.apply(SampleEvents.oneOfEach()));
        robot.clickOn("#eventTextFilter").write("b-3");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<EventRow> table = robot.lookup("#eventTable").queryTableView();
        assertEquals(List.of("b-3"), table.getItems().stream().map(EventRow::batchId).toList());
    }

    @Test
    void pausingShowsHowManyEventsWaitAndClickingThemResumes(FxRobot robot) {
        robot.interact(() -> viewModel.apply(SampleEvents.deliveries("a", "loki", 4)));
        robot.clickOn("#eventPause");
        robot.interact(() -> viewModel.apply(SampleEvents.deliveries("b", "loki", 3)));
        Button newEvents = robot.lookup("#eventNewCount").queryButton();
        assertEquals("3 new", newEvents.getText());
        assertEquals(4, robot.lookup("#eventTable").queryTableView().getItems().size());
        robot.clickOn(newEvents);
        assertEquals(7, robot.lookup("#eventTable").queryTableView().getItems().size());
    }

    @Test
    void deadBatchesAndAnOpenBreakerPopUpOneNotificationEach(FxRobot robot) throws Exception {
        int windowsBefore = robot.listWindows().size();
        robot.interact(() -> viewModel.apply(List.of(SampleEvents.dead(0, "b-1", "loki"),
                SampleEvents.breaker(0, "splunk", SinkHealth.OPEN), SampleEvents.dead(0, "b-2", "loki"))));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.listWindows().size() >= windowsBefore + 2);
        Thread.sleep(1500);     // a later tick must not add a third
        assertEquals(windowsBefore + 2, robot.listWindows().size());
    }

    @Test
    void deadBatchesPopUpOneNotification(FxRobot robot) throws Exception {
        int windowsBefore = robot.listWindows().size();
        robot.interact(() -> viewModel.apply(List.of(SampleEvents.dead(0, "b-1", "loki"),
                SampleEvents.dead(0, "b-2", "splunk"))));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.listWindows().size() > windowsBefore);
        Window popup = robot.listWindows().get(robot.listWindows().size() - 1);
        assertTrue(robot.from(popup.getScene().getRoot()).lookup(".label").queryAll().stream()
                .anyMatch(n -> "2 batches went dead on loki, splunk".equals(((Label) n).getText())));
    }
}
