package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.connections.SavedConnections;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.ConnectionBook;
import dev.batchyard.connections.ConnectionFile;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.connections.RemoteConnection;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.serve.testsupport.ServeFixture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Connections in real windows: two local stores open side by side (both work; closing one keeps the
 * other and lets its store go), a prod connection opens with changes locked until its operator
 * unlocks them, and File › New connection… tests a real {@code serve} on loopback and saves it into
 * the connections file without its token. Screenshots of the header band and the dialog, English and
 * Portuguese, at 1280x800.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionWindowsTest {
    private static final Clock CLOCK = Clock.systemDefaultZone();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    private final Preferences prefs = MemoryPreferences.node();
    private final BackgroundTaskExecutor executor = new BackgroundTaskExecutor(Platform::runLater);
    private SavedConnections saved;
    private MainWindows windows;

    @BeforeAll
    static void keepTheToolkitWhenAWindowCloses() {
        Platform.setImplicitExit(false);   // the tests close windows; the toolkit stays for the next test
    }

    private void windows(FxRobot robot, Messages messages) {
        robot.interact(() -> {
            saved = new SavedConnections(new ConnectionFile(dir.resolve("config").resolve("connections.json"), CLOCK), executor);
            windows = new MainWindows(StoreOpener.standard(CLOCK), executor, CLOCK, messages, prefs, saved);
        });
    }

    @AfterEach
    void closeEverything(FxRobot robot) throws Exception {
        if (windows != null) {
            robot.interact(() -> {
                windows.openConnections().forEach(c -> windows.windowOf(c).ifPresent(Stage::close));
                windows.close();
            });
        }
        executor.close();
        WaitForAsyncUtils.asyncFx(() -> {
            try {
                prefs.removeNode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }

    @Test
    void aSecondStoreOpensBesideTheFirstBothWorkAndClosingOneKeepsTheOther(FxRobot robot) throws Exception {
        Path first = seed(dir.resolve("first"), 2);
        Path second = seed(dir.resolve("second"), 3);
        windows(robot, new Messages(Locale.ENGLISH));
        Connection a = new LocalConnection("first", Environment.DEV, first, Optional.empty());
        Connection b = new LocalConnection("second", Environment.TEST, second, Optional.empty());

        robot.interact(() -> windows.open(a));
        Stage stageA = awaitWindow(a);
        robot.interact(() -> windows.open(b));
        Stage stageB = awaitWindow(b);

        assertTrue(stageA != stageB && stageA.isShowing() && stageB.isShowing());
        awaitRows(robot, stageA, 2);
        awaitRows(robot, stageB, 3);
        assertEquals("first (DEV) \u2014 " + first + " \u2014 Batchyard", stageA.getTitle());
        assertEquals("second (TEST) \u2014 " + second + " \u2014 Batchyard", stageB.getTitle());
        assertEquals("TEST", robot.from(stageB.getScene().getRoot()).lookup("#connectionEnvironment").queryAs(Label.class).getText());
        assertEquals(List.of(second, first), saved.book().recentStores(), "every open goes first in the recent stores");

        robot.interact(() -> windows.open(new LocalConnection("again", Environment.DEV, first, Optional.empty())));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, windows.openConnections().size(), "the open store was opened a second time");

        robot.interact(stageB::close);
        assertEquals(List.of(a), windows.openConnections());
        // its store was closed with it: another process may take the lock now
        try (OpenStore again = StoreOpener.standard(CLOCK).open(StoreLocation.of(second), Mode.changing())) {
            assertTrue(again.access().writable());
        }
        // the first still works: a refresh reads its store again
        assertTrue(stageA.isShowing());
        robot.interact(() -> robot.from(stageA.getScene().getRoot()).lookup("#refreshButton").queryAs(Button.class).fire());
        awaitRows(robot, stageA, 2);
        ConnectionBook onDisk = new ConnectionFile(saved.path(), CLOCK).read();
        assertEquals(List.of(second, first), onDisk.recentStores());
    }

    @Test
    void aProdConnectionOpensWithChangesLockedAndUnlockingThemTurnsTheActionsOn(FxRobot robot) throws Exception {
        Path store = seed(dir.resolve("prod"), 2);
        windows(robot, new Messages(Locale.ENGLISH));
        Connection prod = new LocalConnection("eu-prod", Environment.PROD, store, Optional.empty());
        robot.interact(() -> windows.open(prod));
        Stage stage = awaitWindow(prod);
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        TableView<BatchView> table = awaitRows(robot, stage, 2);
        robot.interact(() -> table.getSelectionModel().selectAll());
        WaitForAsyncUtils.waitForFxEvents();

        Node root = stage.getScene().getRoot();
        assertTrue(robot.from(root).lookup("#connectionLock").queryAs(Label.class).isVisible());
        for (String action : List.of("#retrySelectedButton", "#discardSelectedButton", "#toggleRecoveryButton",
                "#runCleanupButton")) {
            assertTrue(robot.from(root).lookup(action).queryAs(Button.class).isDisabled(), action + " is on while locked");
        }
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(),
                SCREENSHOTS.resolve("connection-prod-locked-en.png"));
        // the band in the dark theme too (the theme is the whole app's: switched back at once)
        robot.interact(() -> menuItem(robot, "toggleThemeMenu").fire());
        WaitForAsyncUtils.waitForFxEvents();
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(),
                SCREENSHOTS.resolve("connection-prod-locked-dark-en.png"));
        robot.interact(() -> menuItem(robot, "toggleThemeMenu").fire());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#unlockChanges");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Unlock");
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(robot.from(root).lookup("#connectionLock").queryAs(Label.class).isVisible());
        for (String action : List.of("#retrySelectedButton", "#discardSelectedButton", "#toggleRecoveryButton",
                "#runCleanupButton")) {
            assertFalse(robot.from(root).lookup(action).queryAs(Button.class).isDisabled(), action + " is off once unlocked");
        }
    }

    @Test
    void newConnectionTestsARealServeAndSavesItWithoutItsToken(FxRobot robot) throws Exception {
        newConnectionAgainstAServe(robot, new Messages(Locale.ENGLISH), "en", "Connected to ");
        ConnectionBook onDisk = new ConnectionFile(saved.path(), CLOCK).read();
        RemoteConnection kept = (RemoteConnection) onDisk.named("eu-test").orElseThrow();
        assertEquals(Environment.TEST, kept.environment());
        assertEquals(Optional.of(dir.resolve("operator.token")), kept.tokenFile());
        String text = Files.readString(saved.path());
        assertFalse(text.contains(ServeFixture.OPERATOR_TOKEN), text);
        // and the File menu offers it at once
        Menu open = (Menu) menuItem(robot, "openConnectionMenu");
        assertEquals("eu-test", open.getItems().get(0).getText());
    }

    @Test
    void theBandAndTheDialogInPortuguese(FxRobot robot) throws Exception {
        newConnectionAgainstAServe(robot, new Messages(Locale.forLanguageTag("pt-BR")), "pt", "Conectado a ");
        Stage stage = windows.windowOf(windows.openConnections().get(0)).orElseThrow();
        assertEquals("Mudanças bloqueadas",
                robot.from(stage.getScene().getRoot()).lookup("#connectionLock").queryAs(Label.class).getText());
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(),
                SCREENSHOTS.resolve("connection-prod-locked-pt.png"));
    }

    @Test
    void aServerOpensInAWindowBesideAndOneThatCannotBeReachedIsSaidWhileTheOthersStay(FxRobot robot) throws Exception {
        Path local = seed(dir.resolve("local"), 1);
        Path served = seed(dir.resolve("served"), 3);
        Path token = dir.resolve("operator.token");
        Files.writeString(token, ServeFixture.OPERATOR_TOKEN + "\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        windows(robot, new Messages(Locale.ENGLISH));
        Connection first = new LocalConnection("local", Environment.DEV, local, Optional.empty());
        robot.interact(() -> windows.open(first));
        awaitRows(robot, awaitWindow(first), 1);
        RemoteConnection remote;
        try (ServeFixture serve = new ServeFixture(served, ServeFixture.withTokens())) {
            remote = new RemoteConnection("eu-test", Environment.TEST, URI.create(serve.url("")), Optional.of(token),
                    Optional.empty());
            robot.interact(() -> windows.open(remote));
            Stage window = awaitWindow(remote);
            awaitRows(robot, window, 3);
            assertEquals("eu-test (TEST) \u2014 " + serve.url("") + " \u2014 Batchyard", window.getTitle());
            robot.interact(window::close);
            assertEquals(List.of(first), windows.openConnections());
        }

        // the server is gone now: opening it again says what and where, and the local window stays
        robot.interact(() -> windows.open(remote));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane error = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("The connection could not be opened.", error.getHeaderText());
        assertTrue(error.getContentText().startsWith("Could not open eu-test (" + remote.url() + ")."), error.getContentText());
        robot.interact(() -> ((Stage) error.getScene().getWindow()).close());
        assertEquals(List.of(first), windows.openConnections());
        assertTrue(windows.windowOf(first).orElseThrow().isShowing());
    }

    /** A prod window over a local store; File › New connection… of a serve on loopback; Test; a screenshot; Save. */
    private void newConnectionAgainstAServe(FxRobot robot, Messages messages, String language, String connected)
            throws Exception {
        Path local = seed(dir.resolve("local"), 1);
        Path served = seed(dir.resolve("served"), 4);
        Path token = dir.resolve("operator.token");
        Files.writeString(token, ServeFixture.OPERATOR_TOKEN + "\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        try (ServeFixture serve = new ServeFixture(served, ServeFixture.withTokens())) {
            windows(robot, messages);
            Connection prod = new LocalConnection("eu-prod", Environment.PROD, local, Optional.empty());
            robot.interact(() -> windows.open(prod));
            Stage stage = awaitWindow(prod);
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(800);
            });
            awaitRows(robot, stage, 1);

            robot.interact(() -> menuItem(robot, "newConnectionMenu").fire());
            WaitForAsyncUtils.waitForFxEvents();
            DialogPane pane = robot.lookup("#connectionDialog").queryAs(DialogPane.class);
            robot.interact(() -> {
                field(robot, "#connectionNameField").setText("eu-test");
                robot.lookup("#connectionEnvironmentField").queryAs(javafx.scene.control.ChoiceBox.class)
                        .setValue(Environment.TEST);
            });
            robot.clickOn("#connectionKindRemote");
            robot.interact(() -> {
                field(robot, "#connectionUrlField").setText(serve.url(""));
                field(robot, "#connectionTokenFileField").setText(token.toString());
            });
            robot.clickOn("#testConnection");
            Label answer = robot.lookup("#connectionAnswer").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> answer.getText().startsWith(connected));
            assertTrue(answer.getText().contains("operator") && answer.getText().contains("4"), answer.getText());
            PngWriter.write(WaitForAsyncUtils.asyncFx(() -> pane.getScene().snapshot(null)).get(),
                    SCREENSHOTS.resolve("connection-dialog-" + language + ".png"));

            javafx.stage.Window dialog = pane.getScene().getWindow();
            robot.clickOn("#saveConnection");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialog.isShowing());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(saved.path())
                    && new ConnectionFile(saved.path(), CLOCK).read().named("eu-test").isPresent());
        }
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private MenuItem menuItem(FxRobot robot, String id) {
        Stage stage = windows.windowOf(windows.openConnections().get(0)).orElseThrow();
        MenuBar bar = robot.from(stage.getScene().getRoot()).lookup("#mainMenuBar").queryAs(MenuBar.class);
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (id.equals(item.getId())) {
                    return item;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private Stage awaitWindow(Connection connection) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                windows.windowOf(connection).isPresent()).get());
        return WaitForAsyncUtils.asyncFx(() -> windows.windowOf(connection).orElseThrow()).get();
    }

    private static TableView<BatchView> awaitRows(FxRobot robot, Stage stage, int rows) throws Exception {
        TableView<BatchView> table = robot.from(stage.getScene().getRoot()).lookup("#batchTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == rows);
        return table;
    }

    private static Path seed(Path store, int batches) {
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(), CLOCK)) {
            for (int i = 0; i < batches; i++) {
                engine.persistBatch(store.getFileName() + "-" + i, List.of(), "loki");
                engine.markBatchFailed(store.getFileName() + "-" + i, "503 Service Unavailable");
            }
        }
        return store;
    }
}
