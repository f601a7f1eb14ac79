package dev.batchyard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.runtime.ConfigFileSetup;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code token_file}/{@code password_file} keep secrets out of config.yaml; a file holding a secret
 * that others can read is warned about.
 */
class ConfigSecretFilesTest {
    private static final String TOKEN = "11111111-2222-3333-4444-555555555555";
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), yaml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private AppConfig load(String yaml) throws Exception {
        return ConfigFile.load(write(yaml));
    }

    private ConfigException refused(String yaml) throws Exception {
        Path file = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigFileSetup.sinks(ConfigFile.load(file),
                SinkRuntime.create(Clock.systemUTC(), 1)).close());
    }

    private static final String SPLUNK = "sinks:\n  splunk:\n    enabled: true\n    url: http://splunk:8088\n";

    @Test
    void aTokenFileIsReadWithOneTrailingLineBreakDropped() throws Exception {
        Path secret = Files.writeString(dir.resolve("splunk.token"), TOKEN + "\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));

        AppConfig app = load(SPLUNK + "    token_file: splunk.token\n");

        JsonNode splunk = app.sinks().get("splunk");
        assertEquals(TOKEN, splunk.get("token").asText());
        assertFalse(splunk.has("token_file"));
        try (SinkRegistry registry = ConfigFileSetup.sinks(app, SinkRuntime.create(Clock.systemUTC(), 1))) {
            assertTrue(registry.isEnabled("splunk"));
        }
    }

    @Test
    void aRelativeTlsCaFileIsTakenFromTheConfigFilesFolderNotTheWorkingDirectory() throws Exception {
        Files.copy(Path.of("src/test/resources/tls/right.pem"), dir.resolve("ca.pem"));

        AppConfig app = load("sinks:\n  loki:\n    enabled: true\n    url: https://loki:3100\n"
                + "    tls: {enabled: true, ca_file: ca.pem}\n");

        try (SinkRegistry registry = ConfigFileSetup.sinks(app, SinkRuntime.create(Clock.systemUTC(), 1))) {
            assertTrue(registry.isEnabled("loki"));
        }
    }

    @Test
    void aRelativeKafkaCaFileIsTakenFromTheConfigFilesFolder() throws Exception {
        Files.copy(Path.of("src/test/resources/tls/right.pem"), dir.resolve("ca.pem"));

        AppConfig app = load("sinks:\n  kafka:\n    enabled: true\n    brokers: [kafka-1:9093]\n    topic: logs\n"
                + "    tls: {enabled: true, ca_file: ca.pem}\n");

        try (SinkRegistry registry = ConfigFileSetup.sinks(app, SinkRuntime.create(Clock.systemUTC(), 1))) {
            assertTrue(registry.isEnabled("kafka"));
        }
    }

    @Test
    void aMissingTlsCaFileIsRefusedNamingThePathItWasLookedFor() throws Exception {
        ConfigException e = refused("sinks:\n  loki:\n    enabled: true\n    url: https://loki:3100\n"
                + "    tls: {enabled: true, ca_file: nowhere.pem}\n");

        assertEquals("sinks.loki.tls.ca_file", e.key());
        assertTrue(e.getMessage().contains(dir.resolve("nowhere.pem").toString()), e.getMessage());
    }

    @Test
    void aTokenFileWithASecondLineIsRefusedNamingTheFileNotTheContent() throws Exception {
        Files.writeString(dir.resolve("splunk.token"), TOKEN + "\n\n");

        ConfigException e = refused(SPLUNK + "    token_file: splunk.token\n");

        assertEquals("sinks.splunk.token_file", e.key());
        assertTrue(e.getMessage().contains("splunk.token"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void tokenAndTokenFileTogetherAreRefused() throws Exception {
        Files.writeString(dir.resolve("splunk.token"), TOKEN);

        ConfigException e = refused(SPLUNK + "    token: other\n    token_file: splunk.token\n");

        assertEquals("sinks.splunk.token_file", e.key());
        assertTrue(e.getMessage().contains("together with token"), e.getMessage());
    }

    @Test
    void aMissingTokenFileIsRefusedNamingThePath() throws Exception {
        ConfigException e = refused(SPLUNK + "    token_file: nowhere.token\n");

        assertEquals("sinks.splunk.token_file", e.key());
        assertTrue(e.getMessage().contains(dir.resolve("nowhere.token").toString()), e.getMessage());
    }

    @Test
    void aHugeTokenFileIsRefused() throws Exception {
        Files.write(dir.resolve("big.token"), new byte[SecretFiles.MAX_BYTES + 1]);

        ConfigException e = refused(SPLUNK + "    token_file: big.token\n");

        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void aConfigHoldingASecretThatOthersCanReadIsWarnedAbout() throws Exception {
        Path file = write(SPLUNK + "    token: " + TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (LogCapture log = new LogCapture()) {
            ConfigFile.load(file);

            assertTrue(log.text().contains("WARN"), log.text());
            assertTrue(log.text().contains("config.yaml can be read by users other than its owner (mode rw-r--r--)"),
                    log.text());
            assertTrue(log.text().contains("sinks.splunk.token"), log.text());
            assertFalse(log.text().contains(TOKEN), log.text());
        }
    }

    @Test
    void aTokenFileOthersCanReadIsWarnedAbout() throws Exception {
        Path secret = Files.writeString(dir.resolve("splunk.token"), TOKEN);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r-----"));

        try (LogCapture log = new LogCapture()) {
            load(SPLUNK + "    token_file: splunk.token\n");

            assertTrue(log.text().contains("splunk.token can be read by users other than its owner (mode rw-r-----)"
                    + " and is the secret of sinks.splunk.token_file"), log.text());
        }
    }

}
