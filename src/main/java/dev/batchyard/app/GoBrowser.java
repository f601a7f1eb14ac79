package dev.batchyard.app;

import dev.batchyard.app.common.AppIcons;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.app.common.ErrorDialog;
import dev.batchyard.app.shell.WindowLayout;
import dev.batchyard.console.Console;
import dev.batchyard.legacy.GoImport;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File ▸ Open Go directory (read-only): the Go files are imported into a throwaway store under the
 * temp directory, which a second window then opens read-only. The Go directory is only read and
 * the operator's own store stays open in its window; the copy is deleted when the window closes.
 */
public final class GoBrowser {
    private final StoreOpener opener;
    private final GoImport importer;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Messages messages;
    private final Preferences prefs;
    private final Path copiesParent;

    /**
     * @param copiesParent where the temporary copies are made (the system's temp directory in the app; a test's own
     *                     directory in tests, so that concurrent runs on one machine never see each other's copies)
     */
    public GoBrowser(StoreOpener opener, GoImport importer, TaskExecutor executor, Clock clock, Messages messages,
                     Preferences prefs, Path copiesParent) {
        this.opener = opener;
        this.importer = importer;
        this.executor = executor;
        this.clock = clock;
        this.messages = messages;
        this.prefs = prefs;
        this.copiesParent = copiesParent;
    }

    /** Copies {@code goDir} in the background, then shows the copy in a new read-only window. */
    public void browse(Window owner, Path goDir) {
        executor.submit(() -> copy(goDir), copy -> show(goDir, copy),
                failure -> new ErrorDialog(messages).show(owner, "goBrowse.failed", failure));
    }

    /** A read-only store holding what {@code goDir} has; its options name the temp store. */
    OpenedCopy copy(Path goDir) throws IOException {
        Path temp = Files.createTempDirectory(copiesParent, "batchyard-go-");
        try {
            try (OpenStore store = opener.open(StoreLocation.of(temp), Mode.importing());
                 Console console = store.console(Actor.osUser())) {
                importer.importInto(goDir, id -> console.find(id).isPresent(), console::persist);
            }
            LaunchOptions readOnly = new LaunchOptions(temp, true, Optional.empty(), true, false);
            return new OpenedCopy(readOnly, opener.open(readOnly.location(), readOnly.mode()));
        } catch (RuntimeException e) {
            delete(temp);
            throw e;
        }
    }

    private void show(Path goDir, OpenedCopy copy) {
        OpenStore store = copy.store();
        AppContext context = new AppContext(copy.options(), store.console(Actor.osUser()), null, executor, clock,
                messages, prefs, WindowLayout.GO_BROWSER);
        Stage stage = new Stage();
        stage.getIcons().setAll(AppIcons.all());
        context.show(stage);
        stage.setTitle(messages.format("goBrowse.title", goDir.toAbsolutePath().toString()));
        stage.setOnHidden(e -> {
            context.close();
            store.close();
            delete(copy.options().store());
        });
        stage.show();
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the Go browsing copy " + dir, e);
        }
    }

    record OpenedCopy(LaunchOptions options, OpenStore store) {
    }
}
