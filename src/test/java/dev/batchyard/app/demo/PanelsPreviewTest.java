package dev.batchyard.app.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.charts.ChartsView;
import dev.batchyard.app.charts.ChartsViewModel;
import dev.batchyard.app.charts.Snapshots;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.events.AlertCoalescer;
import dev.batchyard.app.events.EventDescriber;
import dev.batchyard.app.events.LiveEventsView;
import dev.batchyard.app.events.LiveEventsViewModel;
import dev.batchyard.app.events.PanelStage;
import dev.batchyard.app.events.PanelTexts;
import dev.batchyard.app.events.SampleEvents;
import dev.batchyard.app.events.Screenshots;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * All three panels in one window, fed a short synthetic demo, the way the main window will embed
 * them. Saves {@code target/screenshots/panels.png}; with {@code -Dpanels.holdSeconds=N} it keeps
 * the window up so that a person (or {@code import -window root}) can look at it on a real display.
 */
@ExtendWith(ApplicationExtension.class)
class PanelsPreviewTest {
    private final MutableClock clock = new MutableClock(SampleEvents.T0);
    private final Formats formats = PanelTexts.english();
    private final LiveEventsViewModel events = new LiveEventsViewModel(new EventDescriber(formats),
            new AlertCoalescer(formats.messages(), clock, Duration.ofSeconds(10)), 10_000);
    private final ChartsViewModel charts = new ChartsViewModel(formats, clock,
            new ChartsViewModel.Settings(Duration.ofMinutes(2), 60, 10, 10));
    private final DemoPanelViewModel demo = new DemoPanelViewModel(
            new RecordingDemoControls(20, Map.of("elasticsearch", 0.15), List.of("loki", "elasticsearch", "splunk")), 0.5, 200);
    private BorderPane root;

    @Start
    void start(Stage stage) {
        SplitPane left = new SplitPane(new ChartsView(charts), new LiveEventsView(events));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.6);
        root = new BorderPane(left);
        root.setRight(new DemoPanelView(demo, formats.messages()));
        // Monocle's headless screen is 1280x800: a bigger stage overflows its framebuffer
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        PanelStage.show(stage, root, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
    }

    @Test
    void allThreePanelsShowASyntheticDemo(FxRobot robot) throws InterruptedException {
        robot.interact(this::feed);
        assertTrue(Screenshots.save(root, "panels").toFile().length() > 1000);
        robot.interact(PanelStage::dark);
        assertTrue(Screenshots.save(root, "panels-dark").toFile().length() > 1000);
        Thread.sleep(Long.getLong("panels.holdSeconds", 0) * 1000);
    }

    private void feed() {
        demo.trafficRunningProperty().set(true);
        demo.sinks().get(2).downProperty().set(true);
        demo.sinks().get(0).failureRateProperty().set(0.1);
        for (int s = 0; s < 100; s++) {
            boolean splunkDown = s > 40;
            List<BatchEvent> batch = new ArrayList<>();
            for (int i = 0; i < 12 + s % 5; i++) {
                batch.add(new BatchEvent.Delivered(clock.instant(), "b" + s + "-" + i, i % 2 == 0 ? "loki" : "elasticsearch",
                        Duration.ofMillis(20 + i)));
            }
            if (splunkDown) {
                batch.add(new BatchEvent.DeliveryFailed(clock.instant(), "s" + s, "splunk", "connection refused", s % 10,
                        clock.instant().plusSeconds(8)));
            }
            if (s == 41) {
                batch.add(new BatchEvent.SinkHealthChanged(clock.instant(), "splunk", SinkHealth.OPEN,
                        BatchEvent.SinkHealthChanged.Cause.FAILURES, 5, clock.instant().plusSeconds(30), "HTTP 503",
                        "5 consecutive failures"));
            }
            if (s > 60 && s % 7 == 0) {
                batch.add(new BatchEvent.DeadLettered(clock.instant(), "s" + (s - 50), "splunk", "connection refused", 10));
            }
            events.apply(batch);
            charts.acceptEvents(batch);
            int retrying = splunkDown ? s - 40 : 0;
            int dead = s > 60 ? (s - 60) / 7 : 0;
            charts.acceptStats(Snapshots.stats(25 + s % 9, 6, retrying, dead,
                    Map.of("loki", 14 + s % 5, "elasticsearch", 11 + s % 4, "splunk", retrying + dead)));
            clock.advance(Duration.ofSeconds(1));
        }
        charts.tick();
        List<BatchView> waiting = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            waiting.add(Snapshots.batch("s" + i, "splunk", i % 11 + (i > 50 ? 4 : 0)));
        }
        charts.acceptBatches(waiting);
    }
}
