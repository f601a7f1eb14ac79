package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.model.Actor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Closing a window stops its timers, lets its background reads end, and only then closes its console. */
@ExtendWith(ApplicationExtension.class)
class ClosingTheWindowTest {
    @TempDir
    Path dir;
    private final Preferences prefs = MemoryPreferences.node();
    private final BackgroundTaskExecutor executor = new BackgroundTaskExecutor(Platform::runLater);

    @AfterEach
    void cleanUp() throws Exception {
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
    void theConsoleClosesOnlyAfterTheStatsReadsRunningWhenTheWindowClosedHaveEnded(FxRobot robot) throws Exception {
        try (TestStore store = TestStore.open(dir)) {
            store.add("b-1", "loki", 3, 1, "connection refused");
            SlowStatsConsole console = new SlowStatsConsole(store.console(Actor.osUser()), 2000);
            LaunchOptions options = LaunchOptions.parse(List.of("--store", store.directory.toString()), Map.of(), dir);
            Stage[] stage = new Stage[1];
            AppContext context = WaitForAsyncUtils.asyncFx(() -> {
                stage[0] = new Stage();
                AppContext app = new AppContext(options, console, null, executor, Clock.systemDefaultZone(),
                        new Messages(Locale.ENGLISH), prefs);
                app.show(stage[0]);
                stage[0].show();
                return app;
            }).get(60, TimeUnit.SECONDS);

            WaitForAsyncUtils.asyncFx(() -> {
                awaitAStatsRead(console); // the UI thread waits; the reads run on the executor's threads
                stage[0].close();
                context.close();
            }).get(60, TimeUnit.SECONDS);

            assertEquals(0, console.statsInFlightAtClose);
        }
    }

    private static void awaitAStatsRead(SlowStatsConsole console) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (console.statsInFlight() == 0) {
            assertTrue(System.nanoTime() < deadline, "no stats read within 60 s");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
