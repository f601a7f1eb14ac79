package dev.batchyard.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.charts.ChartsView;
import dev.batchyard.app.charts.ChartsViewModel;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.events.AlertCoalescer;
import dev.batchyard.app.events.EventDescriber;
import dev.batchyard.app.events.EventKind;
import dev.batchyard.app.events.EventRow;
import dev.batchyard.app.events.LiveEventsView;
import dev.batchyard.app.events.LiveEventsViewModel;
import dev.batchyard.app.events.PanelStage;
import dev.batchyard.app.events.SampleEvents;
import dev.batchyard.app.events.Screenshots;
import dev.batchyard.engine.MutableClock;
import dev.batchyard.i18n.Language;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The three panels as a Brazilian operator sees them; saves {@code target/screenshots/panels-pt-BR.png}. */
@ExtendWith(ApplicationExtension.class)
class PanelsInPortugueseTest {
    private final Language language = Language.BRAZILIAN_PORTUGUESE;
    private final Formats formats = new Formats(LanguageChoice.messages(language), ZoneOffset.UTC);
    private final MutableClock clock = new MutableClock(SampleEvents.T0);
    private final LiveEventsViewModel events = new LiveEventsViewModel(new EventDescriber(formats),
            new AlertCoalescer(formats.messages(), clock, Duration.ofSeconds(10)), 10_000);
    private final ChartsViewModel charts = new ChartsViewModel(formats, clock,
            new ChartsViewModel.Settings(Duration.ofMinutes(2), 60, 10, 10));
    private final DemoPanelViewModel demo = new DemoPanelViewModel(
            new RecordingDemoControls(20, Map.of("elasticsearch", 0.15), List.of("loki", "elasticsearch")), 0.5, 200);
    private BorderPane root;

    @Start
    void start(Stage stage) {
        SplitPane left = new SplitPane(new ChartsView(charts), new LiveEventsView(events));
        left.setOrientation(Orientation.VERTICAL);
        root = new BorderPane(left);
        root.setRight(new DemoPanelView(demo, formats.messages()));
        PanelStage.show(stage, root, 1280, 800);
    }

    @Test
    void labelsButtonsAndTitlesArePortuguese(FxRobot robot) {
        assertEquals("Pausar", robot.lookup("#eventPause").queryAs(Labeled.class).getText());
        assertEquals("Iniciar tráfego", robot.lookup("#trafficToggle").queryAs(Labeled.class).getText());
        assertEquals("Recuperar todos os sinks", robot.lookup("#healAll").queryAs(Labeled.class).getText());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> "Instrutor da demonstração".equals(l.getText())));
    }

    @Test
    void pluralsNumbersAndDurationsFollowTheLocale(FxRobot robot) {
        robot.interact(() -> events.apply(SampleEvents.oneOfEach()));

        assertEquals("17 eventos \u00b7 17 exibidos \u00b7 2.500 perdidos",
                robot.lookup("#eventSummary").queryAs(Label.class).getText());
        TableView<EventRow> table = robot.lookup("#eventTable").queryTableView();
        assertEquals("Lote b-1 armazenado para o sink loki: 120 entradas, 47,2 KiB", description(table, EventKind.PERSISTED));
        String startup = table.getItems().stream().map(EventRow::description)
                .filter(d -> d.startsWith("Armazenamento aberto com")).findFirst().orElseThrow();
        assertTrue(startup.contains("4 lotes aguardando") && startup.contains("na DLQ: 1") && startup.endsWith(" em 1,5 s"),
                startup);
        assertEquals("Lote b-3 (splunk) foi para a DLQ depois de 10 retentativas: HTTP 400 bad request",
                description(table, EventKind.DEAD_LETTER));
    }

    @Test
    void savesAScreenshotOfThePanelsInPortuguese(FxRobot robot) {
        robot.interact(() -> {
            demo.trafficRunningProperty().set(true);
            events.apply(SampleEvents.oneOfEach());
            charts.acceptEvents(SampleEvents.oneOfEach());
            clock.advance(Duration.ofSeconds(1));
            charts.tick();
        });
        assertTrue(Screenshots.save(root, "panels-pt-BR").toFile().length() > 1000);
    }

    private static String description(TableView<EventRow> table, EventKind kind) {
        return table.getItems().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow().description();
    }
}
