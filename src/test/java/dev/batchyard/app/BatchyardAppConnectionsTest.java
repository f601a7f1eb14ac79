package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.batchyard.connections.ConnectionBook;
import dev.batchyard.connections.ConnectionFile;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app itself, from its command line: {@code --connection NAME} opens the saved connection (a prod
 * one with changes locked), {@code --store DIR} opens the store under a band that names it and puts it
 * in the recent stores of the connections file, in the user's configuration directory.
 */
class BatchyardAppConnectionsTest {
    @TempDir
    Path home;

    private String realHome;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void homeOfItsOwn() throws Exception {
        // the app finds its files by XDG variables, else under user.home: a test home of its own
        assumeTrue(System.getenv("XDG_CONFIG_HOME") == null && System.getenv("XDG_STATE_HOME") == null
                && System.getenv("XDG_DATA_HOME") == null, "the XDG variables would send the app to the user's own files");
        // java.util.prefs finds its directory under user.home once, when first asked: ask before the
        // home moves, or every later test in this JVM would keep its preferences in a deleted directory
        Preferences.userRoot();
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(w -> {
                if (w instanceof Stage stage && stage.getTitle() != null && stage.getTitle().contains("Batchyard")) {
                    stage.close();
                }
            })).get(60, TimeUnit.SECONDS);
            FxToolkit.cleanupApplication(app);
        }
        System.setProperty("user.home", realHome);
    }

    @Test
    void aSavedProdConnectionOpensFromTheCommandLineWithChangesLocked() throws Exception {
        Path store = seed(home.resolve("stores").resolve("eu"));
        Path file = home.resolve(".config").resolve("batchyard").resolve("connections.json");
        new ConnectionFile(file, Clock.systemUTC()).write(new ConnectionBook(List.of(
                new LocalConnection("eu-prod", Environment.PROD, store, Optional.empty())), List.of()));

        app = FxToolkit.setupApplication(BatchyardApp.class, "--connection", "eu-prod", "--lang", "en");
        Stage window = awaitWindow("eu-prod (PROD) \u2014 " + store + " \u2014 Batchyard");

        assertTrue(robot.from(window.getScene().getRoot()).lookup("#connectionLock").queryAs(Label.class).isVisible());
        assertTrue(robot.from(window.getScene().getRoot()).lookup("#runCleanupButton").queryAs(Button.class).isDisabled());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> new ConnectionFile(file, Clock.systemUTC()).read()
                .recentStores().equals(List.of(store)));
    }

    @Test
    void aStoreOnTheCommandLineOpensUnderABandNamingItAndGoesIntoTheRecentStores() throws Exception {
        Path store = seed(home.resolve("stores").resolve("incident-42"));

        app = FxToolkit.setupApplication(BatchyardApp.class, "--store", store.toString(), "--lang", "en");
        Stage window = awaitWindow("incident-42 (DEV) \u2014 " + store + " \u2014 Batchyard");

        assertEquals("DEV", robot.from(window.getScene().getRoot()).lookup("#connectionEnvironment").queryAs(Label.class)
                .getText());
        Path file = home.resolve(".config").resolve("batchyard").resolve("connections.json");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> file.toFile().exists()
                && new ConnectionFile(file, Clock.systemUTC()).read().recentStores().equals(List.of(store)));
    }

    private static Stage awaitWindow(String title) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> find(title) != null).get());
        return WaitForAsyncUtils.asyncFx(() -> find(title)).get();
    }

    private static Stage find(String title) {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle()) && s.isShowing())
                .map(Stage.class::cast).findFirst().orElse(null);
    }

    private static Path seed(Path store) {
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(),
                Clock.systemUTC())) {
            engine.persistBatch("b-1", List.of(), "loki");
        }
        return store;
    }
}
