package dev.batchyard.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConnectionBookTest {
    private static final LocalConnection ARCHIVE = new LocalConnection("archive", Environment.DEV, Path.of("/srv/archive"),
            Optional.empty());
    private static final RemoteConnection EU = new RemoteConnection("eu-prod", Environment.PROD, URI.create("https://logs-eu:7431/"),
            Optional.of(Path.of("/home/ana/eu.token")), Optional.empty());

    @Test
    void savesNewConnectionsAtTheEndAndChangedOnesInPlace() {
        ConnectionBook book = ConnectionBook.empty().saving(ARCHIVE, Optional.empty()).saving(EU, Optional.empty());
        assertEquals(List.of(ARCHIVE, EU), book.connections());

        ConnectionBook renamed = book.saving(ARCHIVE.renamed("old logs"), Optional.of("ARCHIVE"));
        assertEquals(List.of("old logs", "eu-prod"), renamed.connections().stream().map(Connection::name).toList());
        assertTrue(renamed.named("Old Logs").isPresent(), "names are found ignoring case");
    }

    @Test
    void refusesASecondConnectionWithTheSameNameIgnoringCase() {
        ConnectionBook book = ConnectionBook.empty().saving(EU, Optional.empty());
        var e = assertThrows(IllegalArgumentException.class, () -> book.saving(ARCHIVE.renamed("EU-PROD"), Optional.empty()));
        assertEquals("two connections are named 'EU-PROD'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> book.saving(ARCHIVE, Optional.of("gone")));
    }

    @Test
    void removingTakesOutOnlyTheNamedOne() {
        ConnectionBook book = ConnectionBook.empty().saving(ARCHIVE, Optional.empty()).saving(EU, Optional.empty());
        assertEquals(List.of(EU), book.removing("Archive").connections());
        assertEquals(book, book.removing("nothing"));
    }

    @Test
    void recentStoresAreNewestFirstWithoutRepeatsAndAtMostTen() {
        ConnectionBook book = ConnectionBook.empty();
        for (int i = 0; i < 12; i++) {
            book = book.opened(Path.of("/stores/s" + i));
        }
        book = book.opened(Path.of("/stores/s5/../s5"));
        assertEquals(ConnectionBook.MAX_RECENT, book.recentStores().size());
        assertEquals(Path.of("/stores/s5"), book.recentStores().get(0));
        assertEquals(List.of("s5", "s11", "s10", "s9", "s8", "s7", "s6", "s4", "s3", "s2"),
                book.recentStores().stream().map(p -> p.getFileName().toString()).toList());
        ConnectionBook full = book;
        assertThrows(IllegalArgumentException.class, () -> full.opened(Path.of("relative/store")));
    }

    @Test
    void aNameIsReadableInAList() {
        assertEquals("archive", ARCHIVE.renamed("  archive \t").name());
        var newline = assertThrows(IllegalArgumentException.class, () -> ARCHIVE.renamed("prod\nrm -rf"));
        assertEquals("the name 'prod\\nrm -rf' has a control character", newline.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ARCHIVE.renamed(" "));
        String long65 = IntStream.range(0, 65).mapToObj(i -> "x").reduce("", String::concat);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ARCHIVE.renamed(long65)).getMessage().contains("over 64"));
    }

    @Test
    void aRemoteAddressCarriesNoSecretAndNoTokenInClearOverANetwork() {
        var user = assertThrows(IllegalArgumentException.class, () -> remote("https://ana:s3cret@logs:7431"));
        assertTrue(user.getMessage().contains("token file"), user.getMessage());
        assertTrue(!user.getMessage().contains("s3cret"), "the message must not repeat the password: " + user.getMessage());
        var clear = assertThrows(IllegalArgumentException.class, () -> remote("http://logs.example.com:7431"));
        assertTrue(clear.getMessage().contains("use https"), clear.getMessage());
        assertThrows(IllegalArgumentException.class, () -> remote("https://logs:7431/?token=abc"));
        assertThrows(IllegalArgumentException.class, () -> remote("ftp://logs"));
        assertThrows(IllegalArgumentException.class, () -> remote("https:///nohost"));

        assertEquals(URI.create("http://127.0.0.1:7431"), remote("http://127.0.0.1:7431/").url());
        assertEquals(URI.create("http://[::1]:7431"), remote("http://[::1]:7431").url());
        assertEquals(URI.create("https://logs/batchyard"), remote("HTTPS://logs/batchyard/").url());
    }

    @Test
    void pathsAreAbsolute() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RemoteConnection("x", Environment.TEST,
                URI.create("https://logs"), Optional.of(Path.of("eu.token")), Optional.empty()));
        assertEquals("token_file: 'eu.token' is not an absolute path", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LocalConnection("x", Environment.DEV, Path.of("store"), Optional.empty()));
    }

    @Test
    void prodOpensReadOnlyAndEnvironmentsAreReadFromTheirWords() {
        assertTrue(Environment.PROD.opensReadOnly());
        assertTrue(!Environment.TEST.opensReadOnly() && !Environment.DEV.opensReadOnly());
        assertEquals(Environment.PROD, Environment.parse(" Prod "));
        assertEquals("'staging' is not an environment: use dev, test or prod",
                assertThrows(IllegalArgumentException.class, () -> Environment.parse("staging")).getMessage());
    }

    private static RemoteConnection remote(String url) {
        return new RemoteConnection("r", Environment.DEV, URI.create(url), Optional.empty(), Optional.empty());
    }
}
