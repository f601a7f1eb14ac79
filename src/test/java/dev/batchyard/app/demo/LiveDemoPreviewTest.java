package dev.batchyard.app.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.charts.ChartsView;
import dev.batchyard.app.charts.ChartsViewModel;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.events.AlertCoalescer;
import dev.batchyard.app.events.EventDescriber;
import dev.batchyard.app.events.EventKind;
import dev.batchyard.app.events.LiveEventsView;
import dev.batchyard.app.events.LiveEventsViewModel;
import dev.batchyard.app.events.PanelStage;
import dev.batchyard.app.events.PanelTexts;
import dev.batchyard.app.events.Screenshots;
import dev.batchyard.codec.binary.BinaryEntriesCodec;
import dev.batchyard.demo.DemoSinks;
import dev.batchyard.demo.TrafficGenerator;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.runtime.SimulatedSinks;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The three panels over the real demo (generator, engine on disk, simulated sinks), wired the way
 * the main window will wire them: events drained once a pulse, stats and the batch list once a
 * second. The instructor breaks a sink from the panel; the stream and the charts must show it.
 * Saves {@code target/screenshots/panels-live.png}; {@code -Dpanels.holdSeconds=N} keeps it up.
 */
@ExtendWith(ApplicationExtension.class)
class LiveDemoPreviewTest {
    @TempDir
    static Path dir;
    private final Clock clock = Clock.systemUTC();
    private final EventBus bus = new EventBus(clock);
    private final Formats formats = PanelTexts.english();
    private final LiveEventsViewModel events = new LiveEventsViewModel(new EventDescriber(formats),
            new AlertCoalescer(formats.messages(), clock, Duration.ofSeconds(10)), 10_000);
    private final ChartsViewModel charts = new ChartsViewModel(formats, clock, ChartsViewModel.DEFAULTS);
    private SinkRegistry registry;
    private BatchPersistence engine;
    private TrafficGenerator generator;
    private DemoPanelViewModel demo;
    private AnimationTimer drain;
    private Timeline poll;
    private BorderPane root;

    @Start
    void start(Stage stage) {
        registry = DemoSinks.registry(SinkRuntime.create(clock, 3));
        PersistenceConfig config = new PersistenceConfig(true, dir, 10_000, Duration.ofMinutes(5), 4,
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(24));
        EventSubscription subscription = bus.subscribe(50_000);
        engine = BatchPersistence.open(config, new SinkDelivery(registry, bus, clock), clock, bus,
                EngineOptions.defaults(new BinaryEntriesCodec()).withRecoveryTick(Duration.ofMillis(50)));
        generator = new TrafficGenerator(engine::persistBatch, DemoSinks.names(), 30, 4, clock, 9);
        demo = new DemoPanelViewModel(new GeneratorDemoControls(generator, SimulatedSinks.in(registry), DemoSinks.names()), 0.5, 200);

        drain = new AnimationTimer() {
            @Override
            public void handle(long now) {
                List<BatchEvent> batch = subscription.drain();
                events.apply(batch);
                charts.acceptEvents(batch);
            }
        };
        poll = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            charts.acceptStats(engine.stats());
            charts.acceptBatches(engine.pendingBatches());
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        drain.start();
        poll.play();

        SplitPane left = new SplitPane(new ChartsView(charts), new LiveEventsView(events));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.6);
        root = new BorderPane(left);
        root.setRight(new DemoPanelView(demo, formats.messages()));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        PanelStage.show(stage, root, Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            drain.stop();
            poll.stop();
        }).get(5, TimeUnit.SECONDS);
        generator.close();
        engine.close();
        registry.close();
    }

    @Test
    void breakingSplunkOnThePanelShowsInTheStreamAndTheCharts(FxRobot robot) throws Exception {
        robot.clickOn("#trafficToggle");
        robot.clickOn("#sinkOutage-" + DemoSinks.SPLUNK.replace('-', '_'));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> events.visibleRows().stream()
                .anyMatch(row -> row.kind() == EventKind.FAILURE && row.sinks().contains(DemoSinks.SPLUNK)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> charts.pending().samples().size() >= 4);
        assertTrue(charts.bySink().counts().stream().anyMatch(c -> c.sink().equals(DemoSinks.SPLUNK)));
        Thread.sleep(Long.getLong("panels.holdSeconds", 0) * 1000);
        assertTrue(Screenshots.save(root, "panels-live").toFile().length() > 1000);
    }
}
