package dev.batchyard.remote;

import dev.batchyard.console.Console;
import dev.batchyard.console.ConsoleContract;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Mode;
import dev.batchyard.serve.testsupport.ServedStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console contract across the network: a real {@code serve} on loopback over a real store,
 * reached through {@link RemoteConsole} with the actor's own operator token (so the audit trail
 * names it). The read-only console is a second {@code serve} over the same directory opened
 * read-only (as the window browses a store another process holds), reached with an operator token:
 * the server, not the token, refuses there. A viewer's token is tested in {@link RemoteConsoleTest}.
 */
class RemoteConsoleContractTest extends ConsoleContract {
    @TempDir
    Path dir;

    private ServedStore writable;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @Override
    protected Console console(Actor actor) {
        if (writable == null) {
            writable = new ServedStore(dir.resolve("store"), Mode.service());
            opened.add(writable);
        }
        return RemoteConsole.open(writable.endpoint(actor.name()));
    }

    @Override
    protected Console readOnlyConsole() {
        if (writable == null) {
            console(ANA).close();
        }
        ServedStore browsing = new ServedStore(dir.resolve("store"), Mode.readOnly());
        opened.add(browsing);
        return RemoteConsole.open(browsing.endpoint("ana"));
    }

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }
}
