package dev.batchyard.app.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.connections.ConnectionBook;
import dev.batchyard.connections.ConnectionFile;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved connections the windows share, the header band's state, what a dropped directory is,
 * and which connection a store directory opens as: all without a window.
 */
class SavedConnectionsTest {
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    @TempDir
    Path dir;

    private SavedConnections saved() {
        return new SavedConnections(new ConnectionFile(dir.resolve("connections.json"), Clock.systemUTC()),
                new CurrentThreadTaskExecutor());
    }

    @Test
    void everyOpenPutsTheStoreFirstInTheRecentListAndTheFileKeepsIt() throws Exception {
        SavedConnections saved = saved();
        saved.load(() -> { });
        saved.opened(dir.resolve("a"));
        saved.opened(dir.resolve("b"));
        saved.opened(dir.resolve("a"));

        assertEquals(List.of(dir.resolve("a"), dir.resolve("b")), saved.book().recentStores());
        ConnectionBook onDisk = new ConnectionFile(saved.path(), Clock.systemUTC()).read();
        assertEquals(saved.book().recentStores(), onDisk.recentStores());
        for (int i = 0; i < 12; i++) {
            saved.opened(dir.resolve("s" + i));
        }
        assertEquals(ConnectionBook.MAX_RECENT, saved.book().recentStores().size());
        assertEquals(dir.resolve("s11"), saved.book().recentStores().get(0));
    }

    @Test
    void aDamagedFileIsSetAsideAndSaidWhileTheBookStartsEmpty() throws Exception {
        Files.writeString(dir.resolve("connections.json"), "{ \"version\": 1, \"connections\": [ {\"name\": \"x\", \"token\": \"s3cret\"");
        SavedConnections saved = saved();
        boolean[] loaded = {false};
        saved.load(() -> loaded[0] = true);

        assertTrue(loaded[0]);
        assertEquals(List.of(), saved.book().connections());
        assertTrue(saved.problemProperty().get().contains("connections.json"), saved.problemProperty().get());
        assertTrue(saved.problemProperty().get().contains("the file was kept as"), saved.problemProperty().get());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("connections.json.unreadable-")));
        }
    }

    @Test
    void removingAConnectionTakesItOutOfTheFile() throws Exception {
        SavedConnections saved = saved();
        saved.save(new LocalConnection("archive", Environment.DEV, dir.resolve("archive"), Optional.empty()),
                Optional.empty(), () -> { }, why -> { throw new AssertionError(why); });
        saved.remove("Archive");

        assertEquals(List.of(), new ConnectionFile(saved.path(), Clock.systemUTC()).read().connections());
    }

    @Test
    void aProdConnectionOpensLockedUntilUnlockedAndTheBandNamesItAndWhere() {
        ConnectionHeaderViewModel prod = new ConnectionHeaderViewModel(new dev.batchyard.connections.RemoteConnection(
                "eu-prod", Environment.PROD, URI.create("https://logs-eu:7431"), Optional.empty(), Optional.empty()), ENGLISH);
        assertTrue(prod.locked());
        assertEquals("Changes locked", prod.lockText());
        assertEquals("connection-prod", prod.styleClass());
        assertEquals("eu-prod (PROD) \u2014 https://logs-eu:7431 \u2014 Batchyard", prod.title());
        prod.unlock();
        assertFalse(prod.lockedProperty().get());
        assertEquals("", prod.lockText());

        ConnectionHeaderViewModel dev = new ConnectionHeaderViewModel(
                new LocalConnection("scratch", Environment.DEV, dir, Optional.empty()), ENGLISH);
        assertFalse(dev.locked());
        assertEquals(dir.toString(), dev.where());
        assertEquals("TEST", ConnectionHeaderViewModel.environmentText(Environment.TEST, new Messages(Locale.ENGLISH)));
        assertEquals("TESTE", ConnectionHeaderViewModel.environmentText(Environment.TEST,
                new Messages(Locale.forLanguageTag("pt-BR"))));
    }

    @Test
    void aDroppedDirectoryIsAStoreAGoAgentDirectoryAGoDeadLetterDirectoryOrNone() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store").resolve("segments"));
        Path go = Files.createDirectory(dir.resolve("go"));
        Files.writeString(go.resolve("batch_1700000000_ab.json"), "{}");
        Path dlq = Files.createDirectory(dir.resolve("dlq"));
        Files.writeString(dlq.resolve("dlq_loki_2026-12-01.log"), "");
        Path other = Files.createDirectory(dir.resolve("photos"));
        Files.writeString(other.resolve("cat.jpg"), "");

        assertEquals(StoreDirectories.Kind.STORE, StoreDirectories.classify(store.getParent()));
        assertEquals(StoreDirectories.Kind.GO_AGENT, StoreDirectories.classify(go));
        assertEquals(StoreDirectories.Kind.GO_DLQ, StoreDirectories.classify(dlq));
        assertEquals(StoreDirectories.Kind.OTHER, StoreDirectories.classify(other));
        assertEquals(StoreDirectories.Kind.OTHER, StoreDirectories.classify(other.resolve("cat.jpg")));
    }

    @Test
    void aStoreDirectoryOpensAsItsSavedConnectionElseAsAnUnsavedDevOneNamedByTheDirectory() {
        LocalConnection archive = new LocalConnection("archive", Environment.PROD, dir.resolve("srv/archive"), Optional.empty());
        ConnectionBook book = new ConnectionBook(List.of(archive), List.of());

        assertEquals(archive, StoreConnections.connectionFor(book, dir.resolve("srv/../srv/archive")));
        assertEquals(new LocalConnection("incident-42", Environment.DEV, dir.resolve("incident-42"), Optional.empty()),
                StoreConnections.connectionFor(book, dir.resolve("incident-42")));
        assertEquals(StoreConnections.key(archive), StoreConnections.key(archive.renamed("other")));
        assertEquals(64, StoreConnections.nameOf(dir.resolve("x".repeat(100))).length());
    }

    @Test
    void aDroppedStoreOpensBesideAndAGoDirectoryGoesToItsBrowser() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store").resolve("segments")).getParent();
        Path go = Files.createDirectory(dir.resolve("go"));
        Files.writeString(go.resolve("batch_1700000000_ab.json"), "{}");
        Path dlq = Files.createDirectory(dir.resolve("dlq"));
        Files.writeString(dlq.resolve("dlq_loki_2026-12-01.log"), "");
        List<String> went = new java.util.ArrayList<>();
        StoreDrops drops = new StoreDrops(new CurrentThreadTaskExecutor(), ENGLISH, p -> went.add("store " + p));

        for (Path dropped : List.of(store, go, dlq)) {
            drops.dropped(null, dropped, (w, p) -> went.add("go " + p), (w, p) -> went.add("dlq " + p));
        }

        assertEquals(List.of("store " + store, "go " + go, "dlq " + dlq), went);
    }
}
