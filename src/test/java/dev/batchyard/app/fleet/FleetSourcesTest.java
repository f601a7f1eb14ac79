package dev.batchyard.app.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TestStore;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.ConnectionBook;
import dev.batchyard.connections.ConnectionFile;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.console.Console;
import dev.batchyard.model.Actor;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetSourcesTest {
    @TempDir
    Path dir;

    @Test
    void theSavedConnectionsComeFirstThenTheStoresOpenHereThatNoneNames() throws Exception {
        ConnectionFile file = new ConnectionFile(dir.resolve("connections.json"), Clock.systemUTC());
        LocalConnection archive = new LocalConnection("archive", Environment.TEST, dir.resolve("archive"), Optional.empty());
        Connection eu = FleetFakes.remote("eu-prod", Environment.PROD, 7431);
        file.write(new ConnectionBook(List.of(eu, archive), List.of()));
        LocalConnection archiveOpen = new LocalConnection("archive-dir", Environment.DEV, dir.resolve("archive"), Optional.empty());
        LocalConnection scratch = new LocalConnection("scratch", Environment.DEV, dir.resolve("scratch"), Optional.empty());

        List<Connection> listed = FleetSources.savedAnd(file, () -> List.of(archiveOpen, scratch)).get();

        assertEquals(List.of(eu, archive, scratch), listed);
    }

    @Test
    void withoutAFileTheStoresOpenHereAreTheFleet() {
        ConnectionFile file = new ConnectionFile(dir.resolve("connections.json"), Clock.systemUTC());
        LocalConnection scratch = new LocalConnection("scratch", Environment.DEV, dir.resolve("scratch"), Optional.empty());

        assertEquals(List.of(scratch), FleetSources.savedAnd(file, () -> List.of(scratch)).get());
    }

    @Test
    void anUnreadableFileIsNamedAndLeftWhereItIs() throws Exception {
        Path path = Files.writeString(dir.resolve("connections.json"), "{ not json");
        ConnectionFile file = new ConnectionFile(path, Clock.systemUTC());

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> FleetSources.savedAnd(file, List::of).get());

        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertTrue(Files.exists(path), "the fleet set the user's file aside");
    }

    @Test
    void aWindowsOwnStoreIsReadThroughItsConsoleAndOpeningItBringsTheWindowForward() throws Exception {
        try (TestStore store = TestStore.open(dir.resolve("store"))) {
            Console console = store.console(Actor.osUser());
            ConnectionFile file = new ConnectionFile(dir.resolve("connections.json"), Clock.systemUTC());
            Connection eu = FleetFakes.remote("eu-prod", Environment.PROD, 7431);
            file.write(new ConnectionBook(List.of(eu), List.of()));
            List<String> calls = new ArrayList<>();

            FleetSources inTest = FleetSources.ofWindow(file, console, () -> calls.add("front"),
                    c -> calls.add("open " + c.name()));

            List<Connection> listed = inTest.connections().get();
            assertEquals(2, listed.size());
            LocalConnection own = (LocalConnection) listed.get(1);
            assertEquals(Path.of(console.info().location()), own.store());
            assertEquals(Optional.of(console), inTest.openHere().apply(own));
            assertEquals(Optional.empty(), inTest.openHere().apply(eu));
            inTest.windows().open(own);
            inTest.windows().open(eu);
            assertEquals(List.of("front", "open eu-prod"), calls);
        }
    }
}
