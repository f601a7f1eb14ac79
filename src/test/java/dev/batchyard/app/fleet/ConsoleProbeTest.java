package dev.batchyard.app.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TestStore;
import dev.batchyard.app.connections.ConnectionEndpoints;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.connections.RemoteConnection;
import dev.batchyard.console.Console;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import dev.batchyard.remote.RemoteConsole;
import dev.batchyard.serve.testsupport.ServeFixture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe over real consoles: a store open in this process, and a real {@code serve} on loopback. */
class ConsoleProbeTest {
    @TempDir
    Path dir;

    @Test
    void aLocalStoreIsReadThroughTheConsoleOpenHereAndNeverOpenedOtherwise() {
        try (TestStore store = TestStore.open(dir.resolve("store"))) {
            store.add("a-1", "loki", 3, 0, null);
            store.add("a-2", "loki", 3, 2, "503");
            Console console = store.console(Actor.osUser());
            LocalConnection here = FleetFakes.local("here", store.directory);
            LocalConnection elsewhere = FleetFakes.local("elsewhere", dir.resolve("other"));
            ConsoleProbe inTest = new ConsoleProbe(c -> c.equals(here) ? Optional.of(console) : Optional.empty(),
                    c -> {
                        throw new AssertionError("a local store was opened to be probed");
                    });

            ProbeOutcome.Read read = assertInstanceOf(ProbeOutcome.Read.class, inTest.probe(here));
            assertEquals(2, read.stats().total());
            assertEquals(console.sinks(), read.sinks());
            assertInstanceOf(ProbeOutcome.NotOpen.class, inTest.probe(elsewhere));
            assertTrue(Files.notExists(dir.resolve("other")), "the probe created a store");
            inTest.close();
            assertEquals(2, console.stats().total(), "the probe closed the window's console");
        }
    }

    @Test
    void aRemoteConnectionKeepsOneConsoleUntilItIsForgotten() throws Exception {
        try (ServeFixture server = new ServeFixture(dir.resolve("served"), ServeFixture.withTokens())) {
            server.console().persist(dev.batchyard.engine.NewBatch.of("r-1", List.of(), "loki"));
            Path token = Files.writeString(dir.resolve("token"), ServeFixture.VIEWER_TOKEN);
            RemoteConnection eu = new RemoteConnection("eu", Environment.PROD, URI.create(server.url("")),
                    Optional.of(token), Optional.empty());
            List<Console> made = new ArrayList<>();
            ConsoleProbe inTest = new ConsoleProbe(c -> Optional.empty(), c -> {
                Console console = RemoteConsole.open(ConnectionEndpoints.of(c));
                made.add(console);
                return console;
            });

            ProbeOutcome first = inTest.probe(eu);
            ProbeOutcome second = inTest.probe(eu);

            assertEquals(1, assertInstanceOf(ProbeOutcome.Read.class, first).stats().count(BatchState.PENDING)
                    + assertInstanceOf(ProbeOutcome.Read.class, first).stats().count(BatchState.IN_FLIGHT));
            assertInstanceOf(ProbeOutcome.Read.class, second);
            assertEquals(1, made.size());
            assertEquals(1, inTest.openConsoles());
            inTest.forget(eu);
            assertEquals(0, inTest.openConsoles());
            assertThrows(IllegalStateException.class, () -> made.get(0).stats(), "a forgotten console stays open");
        }
    }

    @Test
    void aServerThatCannotBeReachedIsAnOutcomeAndIsTriedAgainNextTime() throws Exception {
        int port;
        try (ServeFixture stopped = new ServeFixture(dir.resolve("gone"), ServeFixture.withTokens())) {
            port = stopped.port();
        }
        Connection gone = FleetFakes.remote("gone", Environment.TEST, port);
        int[] attempts = {0};
        ConsoleProbe inTest = new ConsoleProbe(c -> Optional.empty(), c -> {
            attempts[0]++;
            return RemoteConsole.open(ConnectionEndpoints.of(c));
        });

        ProbeOutcome.Unreachable outcome = assertInstanceOf(ProbeOutcome.Unreachable.class, inTest.probe(gone));
        inTest.probe(gone);

        assertTrue(outcome.cause().getMessage().contains("127.0.0.1:" + port), outcome.cause().getMessage());
        assertEquals(2, attempts[0]);
        assertEquals(0, inTest.openConsoles());
    }
}
