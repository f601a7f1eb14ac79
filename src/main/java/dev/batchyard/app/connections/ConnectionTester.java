package dev.batchyard.app.connections;

import dev.batchyard.app.common.Messages;
import dev.batchyard.console.Access;
import dev.batchyard.console.Console;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.connections.RemoteConnection;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.model.Actor;
import dev.batchyard.remote.RemoteConsole;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Answers "Test" in the connection dialog, in the background: a remote connection is connected to
 * and asked for its store and its counts (the role its token has, how many batches it holds, or the
 * exact error); a local one is looked at on disk (a store and its batch count, an empty directory a
 * new store would be made in, a store another process holds, or a directory that is not a store).
 * Opens nothing it leaves open.
 */
public final class ConnectionTester {
    private final StoreOpener opener;
    private final Messages messages;

    public ConnectionTester(StoreOpener opener, Messages messages) {
        this.opener = opener;
        this.messages = messages;
    }

    /** The answer, worded for the dialog. */
    public record Answer(boolean ok, String text) {
    }

    /** Tests {@code connection}; never throws: a failure is an answer that says what went wrong and where. */
    public Answer test(Connection connection) {
        try {
            return connection instanceof RemoteConnection remote ? remote(remote) : local((LocalConnection) connection);
        } catch (RuntimeException | IOException e) {
            return new Answer(false, messages.format("connection.test.failed", ConnectionHeaderViewModel.where(connection),
                    messages.engineTexts().failure(e).oneLine()));
        }
    }

    private Answer remote(RemoteConnection connection) {
        try (RemoteConsole console = RemoteConsole.open(ConnectionEndpoints.of(connection))) {
            StoreStats stats = console.stats();
            String role = console.info().access() instanceof Access.ReadOnlyToken token ? token.role() : "operator";
            return new Answer(true, messages.format("connection.test.remote", connection.url().toString(), role,
                    stats.total()));
        }
    }

    private Answer local(LocalConnection connection) throws IOException {
        Path dir = connection.store();
        if (!Files.exists(dir)) {
            return new Answer(true, messages.format("connection.test.absent", dir.toString()));
        }
        if (!Files.isDirectory(dir)) {
            return new Answer(false, messages.format("connection.test.notDirectory", dir.toString()));
        }
        if (!StoreDirectories.isStore(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findAny().isEmpty()
                        ? new Answer(true, messages.format("connection.test.empty", dir.toString()))
                        : new Answer(false, messages.format("connection.test.notStore", dir.toString()));
            }
        }
        // the lock if it is free (closed again at once), else read-only: the access then names the holder
        try (OpenStore store = opener.open(new StoreLocation(dir, connection.config().orElse(null)), Mode.reading());
             Console console = store.console(Actor.osUser())) {
            int batches = console.stats().total();
            if (console.info().access() instanceof Access.HeldElsewhere held) {
                return new Answer(true, messages.format("connection.test.locked", dir.toString(), held.holderPid(), batches));
            }
            return new Answer(true, messages.format("connection.test.store", dir.toString(), batches));
        }
    }
}
