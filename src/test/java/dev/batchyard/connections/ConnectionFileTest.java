package dev.batchyard.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T11:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private Path file() {
        return home.resolve("config/batchyard/connections.json");
    }

    @Test
    void keepsEveryConnectionAndTheRecentStoresAcrossAWriteAndARead() throws IOException {
        ConnectionBook book = new ConnectionBook(List.of(
                new RemoteConnection("eu-prod", Environment.PROD, URI.create("https://logs-eu:7431"),
                        Optional.of(home.resolve("eu.token")), Optional.of(home.resolve("ca.pem"))),
                new RemoteConnection("laptop", Environment.DEV, URI.create("http://127.0.0.1:7431"), Optional.empty(), Optional.empty()),
                new LocalConnection("archive", Environment.TEST, home.resolve("archive"), Optional.of(home.resolve("archive.yaml")))),
                List.of(home.resolve("incident-42"), home.resolve("incident-41")));
        ConnectionFile connections = new ConnectionFile(file(), CLOCK);
        connections.write(book);

        assertEquals(book, connections.read());
        assertEquals(new ConnectionFile.Loaded(book, Optional.empty()), connections.load());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())));
        String text = Files.readString(file());
        assertTrue(text.contains("\"token_file\""), text);
        assertFalse(text.contains("\"token\""), text);
    }

    @Test
    void noFileYetIsAnEmptyBook() throws IOException {
        assertEquals(new ConnectionFile.Loaded(ConnectionBook.empty(), Optional.empty()), new ConnectionFile(file(), CLOCK).load());
    }

    @Test
    void aTokenInTheFileIsRefusedWithWhereToPutItInstead() throws IOException {
        write("""
                {"version": 1, "connections": [
                  {"name": "archive", "kind": "local", "store": "/srv/archive"},
                  {"name": "eu-prod", "kind": "remote", "environment": "prod", "url": "https://logs-eu:7431", "token": "abc"}]}
                """);
        var e = assertThrows(ConnectionFileException.class, () -> new ConnectionFile(file(), CLOCK).read());
        assertEquals(file() + ": connection 2 ('eu-prod'): token: a secret is never kept in this file; save the token in a file "
                + "of its own (readable by you only) and name it in token_file", e.getMessage());
    }

    @Test
    void eachBrokenRuleNamesTheConnectionAndTheKey() throws IOException {
        assertProblem("{\"version\": 1, \"connections\": [{\"name\": \"a\", \"kind\": \"cloud\"}]}",
                "connection 1 ('a'): kind: 'cloud' is neither local nor remote");
        assertProblem("{\"version\": 1, \"connections\": [{\"name\": \"a\", \"kind\": \"local\", \"store\": \"rel/dir\"}]}",
                "connection 1 ('a'): store: 'rel/dir' is not an absolute path");
        assertProblem("{\"version\": 1, \"connections\": [{\"name\": \"a\", \"kind\": \"remote\", \"url\": \"https://x\", "
                + "\"environment\": \"staging\"}]}", "connection 1 ('a'): 'staging' is not an environment: use dev, test or prod");
        assertProblem("{\"version\": 1, \"connections\": [{\"name\": \"a\\nb\", \"kind\": \"local\", \"store\": \"/s\"}]}",
                "connection 1 ('a\\nb'): the name 'a\\nb' has a control character");
        assertProblem("{\"version\": 1, \"connections\": [{\"name\": \"a\", \"kind\": \"local\", \"store\": \"/s\"},"
                + "{\"name\": \"A\", \"kind\": \"local\", \"store\": \"/t\"}]}", "two connections are named 'A'");
        assertProblem("{\"version\": 2}", "version 2 is not one this Batchyard reads (1)");
        assertProblem("{\"version\": 1, \"connections\": {\"name\": \"a\"}}", "connections is not a list");
        assertProblem("[1, 2]", "not a JSON object");
        assertProblem("{\"version\": 1, \"connections\": [\n  {\"name\": \"a\",, }]}", "not JSON at line 2, column 16");
    }

    @Test
    void anUnreadableFileIsSetAsideNeverWrittenOver() throws IOException {
        String broken = "{\"version\": 1, \"connections\": [{\"name\": \"eu-prod\", \"kind\": \"remote\", \"url\": \"https://x\"";
        write(broken);
        ConnectionFile connections = new ConnectionFile(file(), CLOCK);

        ConnectionFile.Loaded loaded = connections.load();

        Path aside = file().resolveSibling("connections.json.unreadable-20261202T113000Z");
        assertEquals(ConnectionBook.empty(), loaded.book());
        assertTrue(loaded.problem().orElseThrow().startsWith(file() + ": not JSON"), loaded.problem().get());
        assertTrue(loaded.problem().get().endsWith("the file was kept as " + aside), loaded.problem().get());
        assertEquals(broken, Files.readString(aside));
        assertFalse(Files.exists(file()));
        connections.write(ConnectionBook.empty().opened(home.resolve("s")));
        assertEquals(broken, Files.readString(aside), "saving afterwards leaves the set-aside file alone");
    }

    private void assertProblem(String json, String expected) throws IOException {
        write(json);
        var e = assertThrows(ConnectionFileException.class, () -> new ConnectionFile(file(), CLOCK).read());
        assertTrue(e.getMessage().startsWith(file() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    private void write(String json) throws IOException {
        Files.createDirectories(file().getParent());
        Files.write(file(), json.getBytes(StandardCharsets.UTF_8));
    }
}
