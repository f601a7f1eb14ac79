package dev.batchyard.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.events.PanelStage;
import dev.batchyard.app.events.PanelTexts;
import dev.batchyard.app.events.Screenshots;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DemoPanelViewTest {
    private final RecordingDemoControls controls = new RecordingDemoControls(List.of("loki", "elasticsearch", "splunk"));
    private final DemoPanelViewModel viewModel = new DemoPanelViewModel(controls, 0.5, 200);
    private DemoPanelView inTest;

    @Start
    void start(Stage stage) {
        inTest = new DemoPanelView(viewModel, PanelTexts.english().messages());
        PanelStage.show(stage, inTest, 760, 360);
    }

    @Test
    void clickingStartTrafficStartsTheGenerator(FxRobot robot) {
        robot.clickOn("#trafficToggle");
        assertEquals("start", controls.lastCall());
        assertTrue(viewModel.trafficRunningProperty().get());
    }

    @Test
    void breakingASinkTellsTheDemoAndShowsItDown(FxRobot robot) {
        robot.clickOn("#sinkOutage-splunk");
        assertEquals("outage splunk true", controls.lastCall());
        assertEquals("down", robot.lookup("#sinkState-splunk").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#sinkFailureRate-splunk").queryAs(Slider.class).isDisabled());
    }

    @Test
    void theRateLabelFollowsTheSlider(FxRobot robot) {
        robot.interact(() -> robot.lookup("#trafficRate").queryAs(Slider.class).setValue(37.5));
        assertEquals("rate 37.5", controls.lastCall());
        assertEquals("37.5 batches/s", robot.lookup("#trafficRateText").queryAs(Label.class).getText());
    }

    @Test
    void aFlakyAndABrokenSinkLookTheirPartInAScreenshot(FxRobot robot) {
        robot.interact(() -> {
            viewModel.trafficRunningProperty().set(true);
            viewModel.sinks().get(0).failureRateProperty().set(0.25);
            viewModel.sinks().get(2).downProperty().set(true);
        });
        assertEquals("25%", robot.lookup("#sinkFailureText-loki").queryAs(Label.class).getText());
        assertTrue(Screenshots.save(inTest, "demo-panel").toFile().length() > 1000);
    }
}
