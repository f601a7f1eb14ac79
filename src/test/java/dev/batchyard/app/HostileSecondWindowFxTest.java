package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.ChildJvm;
import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.HoldStore;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreOpener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reliability suite, hostile input: the real main window of a second app on a store another
 * process holds. It says read-only in the title and who holds the store in the status bar, shows
 * the batches, and offers no action that would change them.
 */
@ExtendWith(ApplicationExtension.class)
class HostileSecondWindowFxTest {
    @TempDir
    Path dir;

    private Stage stage;
    private Process holder;
    private OpenStore opened;
    private AppContext context;
    private BackgroundTaskExecutor executor;
    private Preferences prefs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        if (context != null) {
            robot.interact(context::close);
        }
        if (opened != null) {
            opened.close();
        }
        if (executor != null) {
            executor.close();
        }
        if (prefs != null) {
            prefs.removeNode();
        }
        holder.destroyForcibly();
        holder.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void theSecondWindowSaysReadOnlyAndWhoHoldsTheStoreAndOffersNoAction(FxRobot robot) throws Exception {
        Path store = dir.resolve("store");
        LaunchOptions options = LaunchOptions.parse(List.of("--store", store.toString()), Map.of(), dir);
        StoreOpener opener = StoreOpener.standard(Clock.systemDefaultZone());
        try (BatchPersistence seed = BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(),
                Clock.systemDefaultZone())) {
            seed.persistBatch("kept-1", List.of(), "loki");
            seed.persistBatch("kept-2", List.of(), "loki");
            seed.markBatchFailed("kept-2", "503 Service Unavailable");
        }
        holder = ChildJvm.of(HoldStore.class, store.toString()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("READY", out.readLine());
        StoreLockedException locked = assertThrows(StoreLockedException.class,
                () -> opener.open(options.location(), options.mode()));
        opened = opener.open(options.location(), Mode.readOnly(locked));
        executor = new BackgroundTaskExecutor(Platform::runLater);
        prefs = MemoryPreferences.node();
        Messages messages = new Messages(Locale.ENGLISH);

        robot.interact(() -> {
            context = new AppContext(options, opened.console(Actor.osUser()), null, executor, Clock.systemDefaultZone(),
                    messages, prefs);
            context.show(stage);
            stage.show();
        });
        TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().selectAll());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Batchyard \u2014 " + store + " (read-only)", stage.getTitle());
        String status = robot.lookup("#statusBar").queryAs(StatusBar.class).getText();
        assertEquals("Read-only: process " + holder.pid() + " has this store open for changes; shown as it was when"
                + " opened", status);
        for (String action : List.of("#retrySelectedButton", "#discardSelectedButton", "#rerouteSelectedButton",
                "#toggleRecoveryButton", "#runCleanupButton")) {
            assertTrue(robot.lookup(action).queryAs(Button.class).isDisabled(), action + " is offered");
        }
    }
}
