package dev.batchyard.app.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.PngWriter;
import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.PulseTimer;
import dev.batchyard.app.common.SecondTicker;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.RemoteConnection;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.i18n.Language;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.LogEntry;
import dev.batchyard.serve.testsupport.ServeFixture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View › Fleet in a real window over three connections: two real {@code serve} instances on loopback
 * (one prod) and a server that was stopped. The rows say what each store holds, the columns sort by
 * value, and Enter opens the selected connection.
 */
@ExtendWith(ApplicationExtension.class)
class FleetWindowTest {
    @TempDir
    static Path dir;
    private static ServeFixture prod;
    private static ServeFixture test;
    private static List<Connection> connections;

    private final List<Connection> opened = new CopyOnWriteArrayList<>();
    private Stage owner;
    private FleetFeature fleet;
    private BackgroundTaskExecutor executor;
    private PulseTimer pulse;

    @BeforeAll
    static void servers() throws Exception {
        prod = new ServeFixture(dir.resolve("eu"), ServeFixture.withTokens());
        test = new ServeFixture(dir.resolve("us"), ServeFixture.withTokens());
        int stoppedPort;
        try (ServeFixture stopped = new ServeFixture(dir.resolve("old"), ServeFixture.withTokens())) {
            stoppedPort = stopped.port();
        }
        fill(prod, "eu", 120, 15);
        fill(test, "us", 35, 0);
        Path token = Files.writeString(dir.resolve("viewer.token"), ServeFixture.VIEWER_TOKEN);
        connections = List.of(
                new RemoteConnection("eu-prod", Environment.PROD, URI.create(prod.url("")), Optional.of(token), Optional.empty()),
                new RemoteConnection("us-test", Environment.TEST, URI.create(test.url("")), Optional.of(token), Optional.empty()),
                new RemoteConnection("old-dc", Environment.DEV, URI.create("http://127.0.0.1:" + stoppedPort),
                        Optional.of(token), Optional.empty()));
    }

    /** {@code count} batches of 20 entries; the first {@code retried} retried (the fixture's sinks fail them: retrying). */
    private static void fill(ServeFixture server, String prefix, int count, int retried) throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<LogEntry> entries = new ArrayList<>();
            for (int e = 0; e < 20; e++) {
                entries.add(LogEntry.builder().timestamp(now).processedAt(now).message("entry " + e + " of " + prefix + i)
                        .level("info").sourceType("docker").sourceId("api-1").build());
            }
            server.console().persist(NewBatch.of(prefix + "-" + i, entries, ServeFixture.SINKS.get(i % 3)));
            ids.add(prefix + "-" + i);
        }
        server.console().retryNow(ids.subList(0, retried));
        waitUntil(() -> server.console().stats().count(BatchState.RETRY_WAIT) == retried);
        assertEquals(count, server.console().batches(BatchQuery.all(), dev.batchyard.console.BatchOrder.OLDEST_FIRST,
                dev.batchyard.console.PageRequest.first(1)).total());
    }

    @AfterAll
    static void stopServers() {
        test.close();
        prod.close();
    }

    @Start
    void start(Stage stage) {
        owner = stage;
    }

    private TableView<FleetRow> show(FxRobot robot, Messages messages) {
        executor = new BackgroundTaskExecutor(Platform::runLater);
        robot.interact(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            Formats formats = new Formats(messages, Clock.systemDefaultZone().getZone());
            fleet = FleetFeature.build(new FleetSources(() -> connections, c -> Optional.empty(), opened::add), executor,
                    Clock.systemDefaultZone(), formats, FleetView.class.getResource("/dev/batchyard/app/app.css"),
                    () -> owner);
            pulse = new PulseTimer();
            pulse.add(new SecondTicker(Clock.systemDefaultZone(), fleet.model()::tick));
            pulse.start();
            fleet.open().action().run();
        });
        TableView<FleetRow> table = fleet.view().tableView();
        waitUntil(() -> table.getItems().size() == 3 && table.getItems().stream().noneMatch(r -> r.state() == RowState.WAITING));
        return table;
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            pulse.stop();
            fleet.window().close();
            fleet.model().close();
            return null;
        }).get(30, TimeUnit.SECONDS);
        executor.close();
    }

    @Test
    void eachConnectionShowsWhatItsServerHoldsAndTheStoppedOneWhyNot(FxRobot robot) throws Exception {
        TableView<FleetRow> table = show(robot, new Messages(Locale.ENGLISH));

        FleetRow eu = row(table, "eu-prod");
        assertEquals(RowState.CONNECTED, eu.state());
        assertEquals(105, eu.figures().pending());
        assertEquals(15, eu.figures().retrying());
        assertEquals(new SinkSummary(3, 3, 0), eu.figures().sinks());
        assertTrue(eu.figures().bytes() > 120 * 20 * 10, () -> "bytes " + eu.figures().bytes());
        assertEquals(35, row(table, "us-test").figures().pending());
        FleetRow gone = row(table, "old-dc");
        assertEquals(RowState.DISCONNECTED, gone.state());
        assertTrue(gone.reason().startsWith("cannot connect"), gone.reason());
        assertEquals("old-dc: " + gone.reason(), robot.lookup("#fleetReasons").queryLabeled().getText());
        List<Node> greyed = List.copyOf(robot.lookup(".fleet-row-disconnected").queryAll());
        assertEquals(1, greyed.size());
        assertEquals("old-dc", ((javafx.scene.control.TableRow<?>) greyed.get(0)).getItem() instanceof FleetRow r ? r.name() : "");
        assertTrue(robot.lookup(".fleet-environment-prod").tryQuery().isPresent(), "prod has no mark");
        waitUntil(() -> row(table, "eu-prod").sparkline().samples().size() >= 2); // a second poll, 5 s later
        waitUntil(() -> robot.lookup(".fleet-sparkline").queryAll().size() == 2); // drawn for the two that answer
        Path shot = save(table, "fleet-en.png");
        assertTrue(Files.size(shot) > 10_000);
    }

    @Test
    void numericColumnsSortByValueAndEnterOpensTheSelectedConnection(FxRobot robot) {
        TableView<FleetRow> table = show(robot, new Messages(Locale.ENGLISH));

        robot.clickOn(header(robot, "fleetPending"));
        assertEquals(List.of("old-dc", "us-test", "eu-prod"), names(table), "ascending: no value first, 35 before 105");
        robot.clickOn(header(robot, "fleetPending"));
        assertEquals(List.of("eu-prod", "us-test", "old-dc"), names(table));
        robot.clickOn(header(robot, "fleetEnvironment"));
        assertEquals(List.of("old-dc", "us-test", "eu-prod"), names(table), "dev, test, prod");
        robot.clickOn(header(robot, "fleetState"));
        robot.clickOn(header(robot, "fleetState"));
        assertEquals("old-dc", names(table).get(0), "descending: trouble first");

        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(names(table).indexOf("us-test"));
        });
        robot.type(KeyCode.ENTER);

        assertEquals(List.of(connections.get(1)), opened);
        assertFalse(table.getSelectionModel().isEmpty());
    }

    @Test
    void inPortuguese(FxRobot robot) throws Exception {
        TableView<FleetRow> table = show(robot, LanguageChoice.messages(Language.BRAZILIAN_PORTUGUESE));

        assertEquals("Pendentes", table.getColumns().stream().filter(c -> "fleetPending".equals(c.getId())).findFirst()
                .orElseThrow().getText());
        waitUntil(() -> row(table, "eu-prod").sparkline().samples().size() >= 2);
        assertTrue(Files.size(save(table, "fleet-pt-BR.png")) > 10_000);
    }

    private static Node header(FxRobot robot, String columnId) {
        return robot.lookup(".column-header").match(n -> columnId.equals(n.getId())).query();
    }

    private static List<String> names(TableView<FleetRow> table) {
        return table.getItems().stream().map(FleetRow::name).toList();
    }

    private static FleetRow row(TableView<FleetRow> table, String name) {
        return table.getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static Path save(Node node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of("target", "screenshots", name);
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> node.getScene().snapshot(null)).get(), file);
        return file;
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }
}
