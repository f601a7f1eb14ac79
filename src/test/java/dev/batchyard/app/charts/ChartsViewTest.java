package dev.batchyard.app.charts;

import dev.batchyard.engine.MutableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.events.PanelStage;
import dev.batchyard.app.events.PanelTexts;
import dev.batchyard.app.events.SampleEvents;
import dev.batchyard.app.events.Screenshots;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.model.BatchState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ChartsViewTest {
    private final MutableClock clock = new MutableClock(SampleEvents.T0);
    private final ChartsViewModel viewModel = new ChartsViewModel(PanelTexts.english(), clock,
            new ChartsViewModel.Settings(Duration.ofMinutes(2), 60, 10, 10));
    private ChartsView inTest;

    @Start
    void start(Stage stage) {
        inTest = new ChartsView(viewModel);
        PanelStage.show(stage, inTest, 1200, 800);
    }

    @Test
    void drawsAMinuteOfSyntheticTrafficAndSavesAScreenshot(FxRobot robot) {
        robot.interact(() -> {
            DemoTraffic.feed(viewModel, clock, 90);
            inTest.redrawChanged();
        });
        XYChart.Series<Number, Number> pending = inTest.pendingChart().seriesOf(BatchState.PENDING);
        assertEquals(90, pending.getData().size());
        assertEquals(0, pending.getData().get(89).getXValue().intValue());
        assertEquals(-89, pending.getData().get(0).getXValue().intValue());
        assertEquals(List.of("elasticsearch", "loki", "splunk"),
                inTest.sinkChart().series().getData().stream().map(XYChart.Data::getXValue).toList());
        assertEquals(11, inTest.retryChart().series().getData().size());
        assertEquals(60, inTest.rateChart().deliveredSeries().getData().size());
        assertTrue(robot.lookup("#rateSummary").queryAs(Label.class).getText().endsWith("(last 10 s)"));
        assertTrue(Screenshots.save(inTest, "charts").toFile().length() > 1000);
    }

    @Test
    void newSnapshotsMoveValuesWithoutAddingPoints(FxRobot robot) {
        robot.interact(() -> {
            DemoTraffic.feed(viewModel, clock, 200);
            inTest.redrawChanged();
        });
        XYChart.Series<Number, Number> dead = inTest.pendingChart().seriesOf(BatchState.DEAD);
        XYChart.Data<Number, Number> newest = dead.getData().get(dead.getData().size() - 1);
        // the feed left the clock at the next second: this snapshot is the 201st, the window holds 120
        robot.interact(() -> {
            viewModel.acceptStats(Snapshots.stats(1, 0, 0, 777, Map.of("loki", 778)));
            inTest.redrawChanged();
        });
        assertEquals(120, dead.getData().size());
        assertEquals(777, dead.getData().get(119).getYValue().intValue());
        assertTrue(dead.getData().contains(newest), "the same point objects are reused");
    }

    @Test
    void aChangeIsDrawnAtTheNextOnceASecondRedrawNotAsItArrives(FxRobot robot) {
        XYChart.Series<Number, Number> dead = inTest.pendingChart().seriesOf(BatchState.DEAD);
        robot.interact(() -> viewModel.acceptStats(Snapshots.stats(1, 0, 0, 777, Map.of("loki", 778))));
        assertEquals(0, dead.getData().size(), "drawn as the change arrived");

        robot.interact(inTest::redrawChanged);
        assertEquals(1, dead.getData().size());
        assertEquals(777, dead.getData().get(0).getYValue().intValue());
    }

    @Test
    void aChartNotShownIsNotRedrawnUntilItIsShownAgain(FxRobot robot) {
        XYChart.Series<Number, Number> dead = inTest.pendingChart().seriesOf(BatchState.DEAD);
        robot.interact(() -> {
            inTest.setVisible(false);   // as in a tab that is not selected
            viewModel.acceptStats(Snapshots.stats(1, 0, 0, 777, Map.of("loki", 778)));
            inTest.redrawChanged();
        });
        assertEquals(0, dead.getData().size());

        robot.interact(() -> {
            inTest.setVisible(true);
            inTest.redrawChanged();
        });
        assertEquals(777, dead.getData().get(0).getYValue().intValue());
    }

    /** A minute and a half of a demo in which splunk breaks: enough to make every chart say something. */
    static final class DemoTraffic {
        static void feed(ChartsViewModel viewModel, MutableClock clock, int seconds) {
            for (int s = 0; s < seconds; s++) {
                boolean splunkDown = s > seconds / 3;
                int dead = splunkDown ? (s - seconds / 3) / 4 : 0;
                int retrying = splunkDown ? 20 + (s - seconds / 3) : 2 + s % 3;
                int pending = 30 + (int) (15 * Math.sin(s / 6.0));
                viewModel.acceptStats(Snapshots.stats(pending, 5 + s % 4, retrying, dead,
                        Map.of("loki", pending / 2, "elasticsearch", pending / 3 + 2, "splunk", retrying + dead)));
                List<BatchEvent> events = new ArrayList<>();
                int deliveries = 20 + (int) (8 * Math.cos(s / 4.0));
                for (int i = 0; i < deliveries; i++) {
                    events.add(new BatchEvent.Delivered(clock.instant(), "b" + s + "-" + i, "loki", Duration.ofMillis(30)));
                }
                for (int i = 0; i < (splunkDown ? 9 : 1); i++) {
                    events.add(new BatchEvent.DeliveryFailed(clock.instant(), "f" + s + "-" + i, "splunk", "503", 2,
                            clock.instant().plusSeconds(4)));
                }
                viewModel.acceptEvents(events);
                clock.advance(Duration.ofSeconds(1));
            }
            List<BatchView> batches = new ArrayList<>();
            int[] byRetries = {40, 22, 15, 11, 8, 6, 4, 3, 2, 2, 1, 1, 9};
            for (int retries = 0; retries < byRetries.length; retries++) {
                for (int i = 0; i < byRetries[retries]; i++) {
                    batches.add(Snapshots.batch("r" + retries + "-" + i, "splunk", retries));
                }
            }
            viewModel.acceptBatches(batches);
            viewModel.tick();
        }
    }
}
