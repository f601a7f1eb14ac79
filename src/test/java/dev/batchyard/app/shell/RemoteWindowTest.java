package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.MemoryPreferences;
import dev.batchyard.app.TableRows;
import dev.batchyard.app.AppContext;
import dev.batchyard.app.LaunchOptions;
import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.StoreSession;
import dev.batchyard.app.actions.SinkChoice;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.i18n.Language;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.LogEntry;
import dev.batchyard.remote.RemoteConsole;
import dev.batchyard.runtime.Mode;
import dev.batchyard.serve.testsupport.Http;
import dev.batchyard.serve.testsupport.ServedStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
 * The real window over a real {@code serve} on loopback holding 100,000 batches (filled through the
 * engine before it is served): browse, filter, retry, discard with its dry run and reroute; the server
 * stopped under the window (it says so, in the banner and the status bar, and refuses changes), the
 * store changed meanwhile by another process, the server started again on the same port (the window
 * reconnects by itself, says what it missed and shows the change). A viewer's token: every changing
 * button off, with the reason, and the server refuses anyway. Screenshots in English and Portuguese.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteWindowTest {
    private static final int BATCHES = 100_000;
    private static final String REFUSED = "dial tcp 10.0.0.5:3100: connect: connection refused";

    @TempDir
    static Path shared;
    private static Path storeDir;

    private final Preferences prefs = MemoryPreferences.node();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private Stage stage;
    private ServedStore served;
    private BackgroundTaskExecutor executor;
    private AppContext context;

    /** Batch {@code i}: one entry, for loki (even) or archive (odd); every 100th has failed once. */
    static String id(int i) {
        return String.format(Locale.ROOT, "rw-%06d", i);
    }

    @BeforeAll
    static void fill() throws Exception {
        storeDir = shared.resolve("store");
        ServedStore.seed(storeDir, engine -> {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < 8; t++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < BATCHES; i = next.getAndIncrement()) {
                        engine.persistBatch(id(i), FxPulseBench.entry(i), ServedStore.SINKS.get(i % 2));
                        if (i % 100 == 0) {
                            engine.markBatchFailed(id(i), REFUSED);
                        }
                    }
                });
            }
            pool.shutdown();
            try {
                assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES), "filling took over 10 minutes");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeAll() throws Exception {
        if (context != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                context.close();
                prefs.removeNode();
                return null;
            }).get(60, TimeUnit.SECONDS);
        }
        if (executor != null) {
            executor.close();
        }
        for (AutoCloseable c : opened) {
            c.close();
        }
        if (served != null) {
            served.close();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 30 s", e);
        }
    }

    /** The window at 1280x800 over the served store, with the token of {@code tokenName}. */
    private TableView<BatchView> open(String tokenName, Language language) throws Exception {
        served = new ServedStore(storeDir, Mode.service());
        // the event stream tries again within a second: the test waits for the reconnection
        RemoteConsole console = RemoteConsole.open(served.endpoint(tokenName).withEvents(Duration.ofSeconds(45),
                Duration.ofSeconds(1)));
        executor = new BackgroundTaskExecutor(Platform::runLater);
        Messages messages = LanguageChoice.messages(language);
        LaunchOptions options = LaunchOptions.parse(List.of("--store", storeDir.toString()), Map.of(), storeDir);
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        context = WaitForAsyncUtils.asyncFx(() -> {
            AppContext app = new AppContext(options, StoreSession.remote(console, Platform::runLater), null, executor,
                    Clock.systemDefaultZone(), messages, prefs, WindowLayout.MAIN);
            app.show(stage);
            stage.show();
            return app;
        }).get(30, TimeUnit.SECONDS);
        TableView<BatchView> table = lookupTable();
        waitUntil(() -> table.getItems().size() >= BATCHES - 100 && table.getItems().get(0) != null);
        return table;
    }

    private TableView<BatchView> lookupTable() {
        return new FxRobot().lookup("#batchTable").queryTableView();
    }

    /** How many rows of the table's list have been read from the server. */
    private static int rowsRead(TableView<BatchView> table) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            int read = 0;
            for (int i = 0; i < table.getItems().size(); i++) {
                read += table.getItems().get(i) == null ? 0 : 1;
            }
            return read;
        }).get(10, TimeUnit.SECONDS);
    }

    private RemoteConsole other(String tokenName) {
        RemoteConsole console = RemoteConsole.open(served.endpoint(tokenName));
        opened.add(console);
        return console;
    }

    private static void filter(FxRobot robot, String text) throws Exception {
        TextField search = robot.lookup("#filterText").queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> search.setText(text)).get(10, TimeUnit.SECONDS);
    }

    private static String statusText(FxRobot robot) {
        return robot.lookup("#statusConnection").queryAs(Label.class).getText();
    }

    private static String bannerText(FxRobot robot) {
        return robot.lookup("#connectionText").queryAs(Label.class).getText();
    }

    private static boolean bannerShown(FxRobot robot) {
        // a banner joins the window when it first shows: not there yet is not shown
        return robot.lookup("#connectionBanner").tryQuery().map(javafx.scene.Node::isVisible).orElse(false);
    }

    private static boolean disabled(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class).isDisabled();
    }

    @Test
    void browseFilterActThenLoseTheServerAndGetItBackWithWhatChangedMeanwhile(FxRobot robot) throws Exception {
        TableView<BatchView> table = open("ana", Language.ENGLISH);
        // the list spans every batch; only the rows on screen and a margin were read
        assertTrue(rowsRead(table) < 1_000, "rows read: " + rowsRead(table));
        waitUntil(() -> statusText(robot).equals("Connected"));
        assertFalse(bannerShown(robot));
        robot.scroll(20, javafx.geometry.VerticalDirection.DOWN);
        assertTrue(rowsRead(table) < 2_000);
        DeadLettersWindowTest.save(table, "remote-table-en.png");

        // filtered on the server: rw-0421xx is 100 batches, one of them (rw-042100) has failed
        filter(robot, "rw-0421");
        waitUntil(() -> table.getItems().size() == 100 && table.getItems().get(0) != null);
        robot.clickOn("#retriesColumn");   // sorted on the server too
        waitUntil(() -> table.getItems().get(0) != null && table.getItems().get(0).retryCount() == 1
                || table.getItems().get(99) != null && table.getItems().get(99).retryCount() == 1);

        // retry (one batch: no confirmation): the held sinks take what an operator retries
        TableRows.select(robot, table, id(42_100));
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        RemoteConsole ben = other("ben");
        waitUntil(() -> ben.find(id(42_100)).isEmpty());
        waitUntil(() -> table.getItems().size() == 99);

        // discard two, with the dry run in the confirmation
        TableRows.select(robot, table, id(42_101), id(42_102));
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        DialogPane confirm = DeadLettersWindowTest.confirmation(robot);
        waitUntil(() -> robot.lookup("#dryRun").queryAs(Label.class).getText().startsWith("Dry run: 2 batches, 2 entries"));
        assertTrue(robot.lookup("#dryRun").queryAs(Label.class).getText().contains("archive: 1 batch"));
        robot.clickOn("#discardReason").write("wrong tenant");
        robot.clickOn("#confirmButton");
        waitUntil(() -> ben.find(id(42_101)).isEmpty() && ben.find(id(42_102)).isEmpty());
        waitUntil(() -> table.getItems().size() == 97);
        assertTrue(ben.recentlyDiscarded().stream().anyMatch(d -> d.batch().id().equals(id(42_101))));

        // reroute one from loki to archive
        TableRows.select(robot, table, id(42_104));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#rerouteDialog").tryQuery().isPresent());
        ListView<SinkChoice> sinks = robot.lookup("#sinkChoices").queryListView();
        waitUntil(() -> robot.lookup("#rerouteDryRun").queryAs(Label.class).getText().contains("\u2022"));
        robot.interact(() -> sinks.getSelectionModel().select(sinks.getItems().stream()
                .filter(c -> c.name().equals("archive")).findFirst().orElseThrow()));
        robot.clickOn("#confirmButton");
        waitUntil(() -> ben.find(id(42_104)).map(v -> v.sink().equals("archive")).orElse(false));
        waitUntil(() -> table.getItems().stream().anyMatch(v -> v != null && v.id().equals(id(42_104))
                && v.sink().equals("archive")));

        // the server goes away under the window
        TableRows.select(robot, table, id(42_105));
        assertFalse(disabled(robot, "#retrySelectedButton"));
        served.stop();
        waitUntil(() -> bannerShown(robot) && bannerText(robot).startsWith("Disconnected from " + served.url()));
        waitUntil(() -> statusText(robot).startsWith("Disconnected since "));
        assertTrue(bannerText(robot).contains("Changes are refused until it answers"), bannerText(robot));
        waitUntil(() -> disabled(robot, "#retrySelectedButton") && disabled(robot, "#discardSelectedButton")
                && disabled(robot, "#rerouteSelectedButton"));
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        assertTrue(robot.lookup("#confirmDialog").tryQuery().isEmpty(), "no confirmation while disconnected");
        waitUntil(() -> statusText(robot).contains("reconnecting in"));
        DeadLettersWindowTest.save(robot.lookup("#mainWindow").query(), "remote-disconnected-en.png");

        // meanwhile another process changes the store: a batch arrives, one is discarded
        served.changeWhileStopped(new Actor("carla"), console -> {
            console.persist(NewBatch.of("rw-0421-meanwhile", List.of(LogEntry.builder().timestamp(OffsetDateTime.now())
                    .message("stored while the server was down").build()), "loki"));
            console.discard(List.of(id(42_106)), "meanwhile");
        });
        served.restart();

        waitUntil(() -> bannerText(robot).startsWith("Reconnected to " + served.url()));
        // the event stream resumes after the first read that answered: what it missed comes a moment later
        waitUntil(() -> bannerText(robot).contains("missed an unknown number of events (the server was restarted)"));
        waitUntil(() -> statusText(robot).equals("Connected"));
        waitUntil(() -> table.getItems().stream().anyMatch(v -> v != null && v.id().equals("rw-0421-meanwhile")));
        waitUntil(() -> table.getItems().stream().noneMatch(v -> v != null && v.id().equals(id(42_106))));
        assertEquals(97, table.getItems().size());
        waitUntil(() -> !disabled(robot, "#retrySelectedButton"));
        DeadLettersWindowTest.save(robot.lookup("#mainWindow").query(), "remote-reconnected-en.png");
        robot.clickOn("#dismissConnection");
        waitUntil(() -> !bannerShown(robot));
    }

    @Test
    void everyViewReadsThroughTheServer(FxRobot robot) throws Exception {
        TableView<BatchView> table = open("ana", Language.ENGLISH);
        int before = table.getItems().size();
        other("ben").discard(List.of(id(55)), "for the audit trail");
        // another operator's change reaches the table through the server's event stream (the table
        // reads its rows again on an event, not on a timer)
        waitUntil(() -> table.getItems().size() == before - 1);

        // the detail and its entries
        TableRows.select(robot, table, id(3));
        TableView<?> entries = robot.lookup("#entriesTable").queryTableView();
        waitUntil(() -> entries.getItems().size() == 1);
        // the charts and the store's health (its capacity is a pass over the server's index)
        robot.clickOn("#chartsTab");
        robot.clickOn("#healthTab");
        waitUntil(() -> !robot.lookup("#capacityForecast").queryLabeled().getText().isEmpty());
        assertTrue(Files.size(DeadLettersWindowTest.save(robot.lookup("#mainWindow").query(),
                "remote-health-en.png")) > 10_000);
        // the audit trail, read a page at a time from the server
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#auditTable").tryQuery().isPresent());
        TableView<dev.batchyard.engine.AuditRecord> audit = robot.lookup("#auditTable").queryTableView();
        waitUntil(() -> audit.getItems().stream().anyMatch(r -> r != null && r.ids().contains(id(55))
                && r.actor().equals("ben")));
        // a search of every entry, run where the store is (asked from the main window)
        robot.interact(() -> {
            audit.getScene().getWindow().hide();
            stage.requestFocus();
            table.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#searchQuery").tryQuery().isPresent());
        robot.clickOn("#searchQuery").write("\"entry of batch 4242\"").type(KeyCode.ENTER);
        TableView<dev.batchyard.app.search.HitRow> hits = robot.lookup("#searchHits").queryTableView();
        waitUntil(() -> hits.getItems().stream().anyMatch(h -> h.batchId().equals(id(4242))));
    }

    @Test
    void aViewersTokenHasEveryChangingButtonOffAndTheServerRefusesAnyway(FxRobot robot) throws Exception {
        TableView<BatchView> table = open("grafana", Language.ENGLISH);
        TableRows.select(robot, table, id(7));
        waitUntil(() -> statusText(robot).equals("Connected"));
        assertEquals("Read-only: the token 'grafana' has the viewer role, which may look but not change anything. The"
                + " commands that would change the store are off, and the server would refuse them.",
                robot.lookup("#viewerText").queryLabeled().getText());
        for (String button : List.of("#retrySelectedButton", "#discardSelectedButton", "#rerouteSelectedButton",
                "#requeueSelectedButton", "#toggleRecoveryButton", "#runCleanupButton")) {
            if (robot.lookup(button).tryQuery().isPresent()) {
                assertTrue(disabled(robot, button), button + " is on for a viewer");
            }
        }
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        assertTrue(robot.lookup("#confirmDialog").tryQuery().isEmpty(), "no confirmation for a viewer");
        HttpResponse<String> refused = new Http().post(served.url() + "/api/v1/actions/discard", "application/json",
                ("{\"ids\":[\"" + id(7) + "\"],\"reason\":\"viewer\"}").getBytes(StandardCharsets.UTF_8),
                Http.bearer(ServedStore.token("grafana")));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(other("ana").find(id(7)).isPresent());
        assertTrue(Files.size(DeadLettersWindowTest.save(robot.lookup("#mainWindow").query(),
                "remote-viewer-en.png")) > 10_000);
    }

    @Test
    void inPortugueseTheTableAndTheDisconnectedBanner(FxRobot robot) throws Exception {
        TableView<BatchView> table = open("ana", Language.BRAZILIAN_PORTUGUESE);
        waitUntil(() -> statusText(robot).equals("Conectado"));
        assertTrue(Files.size(DeadLettersWindowTest.save(robot.lookup("#mainWindow").query(),
                "remote-table-pt-BR.png")) > 10_000);
        served.stop();
        waitUntil(() -> bannerShown(robot) && bannerText(robot).startsWith("Desconectado de "));
        waitUntil(() -> statusText(robot).contains("reconectando em"));
        assertTrue(Files.size(DeadLettersWindowTest.save(robot.lookup("#mainWindow").query(),
                "remote-disconnected-pt-BR.png")) > 10_000);
        served.restart();
        waitUntil(() -> bannerText(robot).startsWith("Reconectado a "));
        assertTrue(table.getItems().size() >= BATCHES - 100);
    }
}
