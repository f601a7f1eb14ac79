package dev.batchyard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ConfigException;
import dev.batchyard.sink.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code serve} section: defaults, every key, and refusals that name the key and never a token. */
class ServeSectionTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), yaml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private ServeSettings load(String yaml) throws Exception {
        return ConfigFile.load(write(yaml), Map.of("PROMTAIL_TOKEN", TOKEN)::get).serve();
    }

    private String refused(String yaml) throws Exception {
        Path file = write(yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(file, name -> null));
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void withoutASectionItListensOnLoopbackWithoutTokens() throws Exception {
        ServeSettings inTest = load("persistence:\n  batch_ttl: 1h\n");

        assertEquals(ServeSettings.defaults(), inTest);
        assertEquals("127.0.0.1:7431", inTest.listen());
        assertEquals(List.of(), inTest.tokens());
        assertEquals(Optional.of("loki"), inTest.lokiSink());
    }

    @Test
    void readsEveryKey() throws Exception {
        Path cert = Files.writeString(dir.resolve("tls.crt"), "x");
        Path key = Files.writeString(dir.resolve("tls.key"), "x");
        Path secret = Files.writeString(dir.resolve("ops.token"), TOKEN.replace('0', 'z') + "\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));

        ServeSettings inTest = load("""
                serve:
                  listen: "[::1]:9000"
                  tls: { cert_file: tls.crt, key_file: tls.key }
                  tokens:
                    - { name: promtail, role: ingest, token: "${PROMTAIL_TOKEN}" }
                    - { name: ops, role: operator, token_file: ops.token }
                  ingest:
                    loki: { sink: loki_main, tenants: { team-a: loki_a } }
                    retry_after: 30s
                  limits: { max_body_bytes: 2048, max_decoded_bytes: 4096, request_timeout: 5s, idle_timeout: 10s }
                  log_file: logs/serve.log
                """);

        assertEquals("[::1]:9000", inTest.listen());
        assertEquals(Optional.of(new ServeSettings.TlsFiles(cert, key)), inTest.tls());
        assertEquals(2, inTest.tokens().size());
        assertEquals("promtail", inTest.tokens().get(0).name());
        assertEquals(ServeSettings.Role.INGEST, inTest.tokens().get(0).role());
        assertEquals(TOKEN, inTest.tokens().get(0).token().reveal());
        assertEquals(TOKEN.replace('0', 'z'), inTest.tokens().get(1).token().reveal());
        assertEquals(Optional.of("loki_main"), inTest.lokiSink());
        assertEquals(Map.of("team-a", "loki_a"), inTest.lokiTenants());
        assertEquals(Duration.ofSeconds(30), inTest.retryAfter());
        assertEquals(new ServeSettings.Limits(2048, 4096, Duration.ofSeconds(5), Duration.ofSeconds(10)), inTest.limits());
        assertEquals(Optional.of(dir.resolve("logs/serve.log")), inTest.logFile());
        assertFalse(inTest.toString().contains(TOKEN), inTest.toString());
    }

    @Test
    void anEmptyLokiSinkRefusesPushesWithoutATenant() throws Exception {
        assertEquals(Optional.empty(), load("serve:\n  ingest:\n    loki:\n      sink: \"\"\n").lokiSink());
    }

    @Test
    void badValuesNameTheKeyAndWhatIsAllowed() throws Exception {
        assertEquals("serve.listen: '127.0.0.1' must be HOST:PORT, such as 127.0.0.1:7431 or [::1]:7431, with a port"
                + " from 0 to 65535", refused("serve:\n  listen: 127.0.0.1\n"));
        assertTrue(refused("serve:\n  listen: \"::1:80\"\n").contains("an IPv6 address goes in brackets"));
        assertTrue(refused("serve:\n  listen: 127.0.0.1:70000\n").startsWith("serve.listen: '127.0.0.1:70000' must be"));
        assertEquals("serve.lisen: '(hidden)' is not a key of serve; allowed: ingest, limits, listen, log_file, tls, tokens",
                refused("serve:\n  lisen: 127.0.0.1:1\n"));
        assertEquals("serve.limits.request_timeout: '0s' must be a positive Go duration such as 30s",
                refused("serve:\n  limits:\n    request_timeout: 0s\n"));
        assertEquals("serve.limits.max_decoded_bytes: '2048' must be at least max_body_bytes (4096)",
                refused("serve:\n  limits:\n    max_body_bytes: 4096\n    max_decoded_bytes: 2048\n"));
        assertTrue(refused("serve:\n  tls:\n    cert_file: missing.crt\n    key_file: missing.key\n")
                .startsWith("serve.tls.cert_file: 'missing.crt' names " + dir.resolve("missing.crt") + ", which does not exist"));
        assertEquals("serve.tls.key_file: '' is missing; TLS needs both cert_file and key_file (PEM)",
                refused("serve:\n  tls:\n    cert_file: config.yaml\n"));
        assertEquals("serve: 'on' must be a mapping of serve keys", refused("serve: \"on\"\n"));
    }

    @Test
    void tokensAreCheckedWithoutEverShowingOne() throws Exception {
        assertEquals("serve.tokens[0].role: 'admin' must be viewer, ingest or operator",
                refused("serve:\n  tokens:\n    - { name: a, role: admin, token: " + TOKEN + " }\n"));
        assertEquals("serve.tokens[0].token: '(hidden)' must be at least 16 characters (make one with: openssl rand -hex 32)",
                refused("serve:\n  tokens:\n    - { name: a, role: viewer, token: short }\n"));
        assertTrue(refused("serve:\n  tokens:\n    - { name: a, role: viewer, token: \"" + TOKEN + " x\" }\n")
                .startsWith("serve.tokens[0].token: '(hidden)' may only hold ASCII letters"));
        assertTrue(refused("serve:\n  tokens:\n    - { name: a, role: viewer, token: \"" + TOKEN + "\\n\" }\n")
                .startsWith("serve.tokens[0].token: '(hidden)' holds a control character"));
        assertEquals("serve.tokens[1].token: '(hidden)' is the same as the token of a; each caller needs its own token,"
                + " or the audit trail cannot tell them apart", refused("serve:\n  tokens:\n"
                + "    - { name: a, role: viewer, token: " + TOKEN + " }\n"
                + "    - { name: b, role: operator, token: " + TOKEN + " }\n"));
        assertEquals("serve.tokens[1].name: 'a' is given to two tokens; each token needs its own name",
                refused("serve:\n  tokens:\n    - { name: a, role: viewer, token: " + TOKEN + " }\n"
                        + "    - { name: a, role: viewer, token: " + TOKEN.replace('0', 'y') + " }\n"));
        assertTrue(refused("serve:\n  tokens:\n    - { name: \"bad name\", role: viewer, token: " + TOKEN + " }\n")
                .startsWith("serve.tokens[0].name: 'bad name' must be 1 to 64 ASCII letters"));
        assertEquals("serve.tokens[0].token: '' is missing; give token or token_file",
                refused("serve:\n  tokens:\n    - { name: a, role: viewer }\n"));
        assertEquals("serve.tokens: '(hidden)' must be a list of tokens, each with name, role and token (or token_file)",
                refused("serve:\n  tokens: " + TOKEN + "\n"));
        assertTrue(refused("serve:\n  tokens:\n    - { name: a, role: viewer, token: \"${NOT_SET}\" }\n")
                .contains("which is not set"));
    }

    @Test
    void aTokenWrittenInAConfigOthersMayReadIsWarnedAbout() throws Exception {
        Path file = write("serve:\n  tokens:\n    - { name: a, role: viewer, token: " + TOKEN + " }\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (LogCapture log = new LogCapture()) {
            ConfigFile.load(file, name -> null);

            assertTrue(log.text().contains("serve.tokens[0].token"), log.text());
            assertFalse(log.text().contains(TOKEN));
        }
    }
}
