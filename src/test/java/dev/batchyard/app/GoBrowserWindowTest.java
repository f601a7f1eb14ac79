package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.BackgroundTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.shell.WindowLayout;
import dev.batchyard.legacy.GoImport;
import dev.batchyard.runtime.StoreOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Open Go directory (read-only): a second window over the copy, gone with its window. */
@ExtendWith(ApplicationExtension.class)
class GoBrowserWindowTest {
    @TempDir
    Path dir;
    private Stage owner;
    private final BackgroundTaskExecutor executor = new BackgroundTaskExecutor(Platform::runLater);
    private final Preferences prefs = MemoryPreferences.node();

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.close();
        prefs.removeNode();
    }

    @Test
    void opensAReadOnlyWindowNamedForTheGoDirectoryAndDropsTheCopyWhenClosed(FxRobot robot) throws Exception {
        Path goDir = goDirectory();
        Messages messages = new Messages(Locale.ENGLISH);
        Stage browsing = browse(robot, goDir, messages);
        String title = browsing.getTitle();
        Path copy = tempCopies().findFirst().orElseThrow();
        robot.interact(browsing::close);

        assertEquals(messages.format("goBrowse.title", goDir.toAbsolutePath().toString()), title);
        assertTrue(copy.getFileName().toString().startsWith("batchyard-go-"));
        assertFalse(Files.exists(copy), "the copy " + copy + " outlives its window");
    }

    @Test
    void resizingTheGoWindowLeavesTheMainWindowsLayoutAlone(FxRobot robot) throws Exception {
        Stage browsing = browse(robot, goDirectory(), new Messages(Locale.ENGLISH));
        robot.interact(() -> browsing.setWidth(777));
        robot.interact(browsing::close);

        assertEquals(777, prefs.node(WindowLayout.GO_BROWSER).getDouble("width", 0), 0.5);
        assertEquals(null, prefs.node(WindowLayout.MAIN).get("width", null));
    }

    private Path goDirectory() throws java.io.IOException {
        Path goDir = Files.createDirectories(dir.resolve("go"));
        try (Stream<Path> samples = Files.list(Path.of("src", "test", "resources", "legacy-go-format"))) {
            for (Path sample : samples.filter(p -> p.getFileName().toString().startsWith("batch_")).toList()) {
                Files.copy(sample, goDir.resolve(sample.getFileName()));
            }
        }
        return goDir;
    }

    /** The browsing window over {@code goDir}, once its table shows the two sample batches. */
    private Stage browse(FxRobot robot, Path goDir, Messages messages) throws Exception {
        Clock clock = Clock.systemDefaultZone();
        GoBrowser inTest = new GoBrowser(StoreOpener.standard(clock), GoImport.standard(), executor, clock, messages, prefs,
                copiesParent());

        robot.interact(() -> inTest.browse(owner, goDir));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> browsingWindow() != null);
        Stage browsing = browsingWindow();
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = (TableView<?>) browsing.getScene().lookup("#batchTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        return browsing;
    }

    private Stage browsingWindow() {
        return Window.getWindows().stream().filter(w -> w != owner && w instanceof Stage s && s.getTitle() != null
                && s.getTitle().contains("Go")).map(Stage.class::cast).findFirst().orElse(null);
    }

    /** This test's own parent of the browsing copies (never the machine's shared temp directory). */
    private Path copiesParent() throws java.io.IOException {
        return Files.createDirectories(dir.resolve("copies"));
    }

    /** The newest batchyard-go-* directory under this test's copies directory. */
    private Stream<Path> tempCopies() throws java.io.IOException {
        try (Stream<Path> all = Files.list(copiesParent())) {
            return all.filter(p -> p.getFileName().toString().startsWith("batchyard-go-"))
                    .sorted((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified()))
                    .toList().stream();
        }
    }
}
