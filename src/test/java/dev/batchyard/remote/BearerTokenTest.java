package dev.batchyard.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token is sent as it is, refused when a header could not carry it, and never shown. */
class BearerTokenTest {
    @TempDir
    Path dir;

    @Test
    void aTokenFileMayEndWithALineBreakAndTheTokenIsNeverInTheText() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "s3cret-abc\r\n");

        BearerToken token = BearerToken.fromFile(file);

        assertEquals("Bearer s3cret-abc", token.header());
        assertFalse(token.toString().contains("s3cret"), token.toString());
        assertFalse(RemoteEndpoint.of("http://127.0.0.1:1", token).toString().contains("s3cret"));
    }

    @Test
    void aTokenWithALineBreakOrAControlCharacterInsideIsRefusedWithoutShowingIt() throws Exception {
        for (String bad : List.of("s3cret\nInjected: yes", "s3cret\u0000x", "s3cret\u001b[2J", "two words", "\n\n")) {
            Path file = Files.writeString(dir.resolve("bad"), bad);

            IllegalArgumentException fromFile = assertThrows(IllegalArgumentException.class,
                    () -> BearerToken.fromFile(file));
            IllegalArgumentException given = assertThrows(IllegalArgumentException.class,
                    () -> BearerToken.of(bad.toCharArray()));

            for (IllegalArgumentException e : List.of(fromFile, given)) {
                assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
                assertTrue(e.getMessage().contains("character"), e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BearerToken.of(new char[0]));
        assertThrows(IllegalArgumentException.class, () -> BearerToken.of("x".repeat(5000).toCharArray()));
    }

    @Test
    void anEndpointIsAnHttpOrHttpsUrlWithoutUserOrQuery() {
        assertEquals("http://127.0.0.1:7431", RemoteEndpoint.of("http://127.0.0.1:7431/", null).baseUrl().toString());
        for (String bad : List.of("ftp://host:1", "127.0.0.1:7431", "http://user:pw@host:1", "http://host:1/?a=b")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RemoteEndpoint.of(bad, null));
            assertFalse(e.getMessage().contains("pw"), e.getMessage());
        }
    }
}
