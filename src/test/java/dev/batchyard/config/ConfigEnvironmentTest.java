package dev.batchyard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ConfigException;
import dev.batchyard.runtime.ConfigFileSetup;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${VAR}} in config values: where it applies, what an unset variable does, how {@code $$} escapes. */
class ConfigEnvironmentTest {
    private static final String TOKEN = "11111111-2222-3333-4444-555555555555";
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), yaml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private AppConfig load(String yaml, Map<String, String> env) throws Exception {
        return ConfigFile.load(write(yaml), env::get);
    }

    private ConfigException refused(String yaml, Map<String, String> env) throws Exception {
        Path file = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigFileSetup.sinks(ConfigFile.load(file, env::get),
                SinkRuntime.create(Clock.systemUTC(), 1)).close());
    }

    private static final String SPLUNK = "sinks:\n  splunk:\n    enabled: true\n    url: http://splunk:8088\n";

    @Test
    void theRealEnvironmentIsUsedByDefault() throws Exception {
        String path = System.getenv("PATH");
        Path file = write("persistence:\n  directory: \"${PATH}\"\n");

        assertEquals(dir.resolve(path).normalize(), ConfigFile.load(file).persistence().directory());
    }

    @Test
    void aVariableInAValueIsReplacedByItsValue() throws Exception {
        AppConfig app = load(SPLUNK + "    token: ${SPLUNK_TOKEN}\n    index: \"logs-${ENV}\"\n",
                Map.of("SPLUNK_TOKEN", TOKEN, "ENV", "prod"));

        assertEquals(TOKEN, app.sinks().get("splunk").get("token").asText());
        assertEquals("logs-prod", app.sinks().get("splunk").get("index").asText());
    }

    @Test
    void anUnsetVariableIsAnErrorNamingTheKeyAndTheVariable() throws Exception {
        ConfigException e = refused(SPLUNK + "    token: ${SPLUNK_TOKEN}\n", Map.of());

        assertEquals("sinks.splunk.token", e.key());
        assertTrue(e.getMessage().contains("SPLUNK_TOKEN, which is not set"), e.getMessage());
    }

    @Test
    void aDefaultIsTakenWhenTheVariableIsUnsetOrEmpty() throws Exception {
        String yaml = "persistence:\n  batch_ttl: ${TTL:-48h}\n";

        assertEquals(Duration.ofHours(48), load(yaml, Map.of()).persistence().batchTtl());
        assertEquals(Duration.ofHours(48), load(yaml, Map.of("TTL", "")).persistence().batchTtl());
        assertEquals(Duration.ofHours(2), load(yaml, Map.of("TTL", "2h")).persistence().batchTtl());
    }

    @Test
    void aWholeValueReferenceTakesTheTypeItsValueHas() throws Exception {
        // enabled takes only a YAML boolean (the text "true" is refused, "without quotes"), and only true
        AppConfig app = load("persistence:\n  enabled: ${ON}\n  max_pending_batches: ${MAX}\n",
                Map.of("ON", "true", "MAX", "250"));

        assertTrue(app.persistence().enabled());
        assertEquals(250, app.persistence().maxPendingBatches());
    }

    @Test
    void twoDollarsAreOneLiteralDollarAndALoneDollarStays() throws Exception {
        AppConfig app = load(SPLUNK + "    token: \"pa$$word-${X}$5\"\n", Map.of("X", "y"));

        assertEquals("pa$word-y$5", app.sinks().get("splunk").get("token").asText());
    }

    @Test
    void keysAndSectionsBatchyardIgnoresAreNotSubstituted() throws Exception {
        AppConfig app = load("app:\n  name: ${UNSET_ONE}\nsinks:\n  loki:\n    enabled: false\n    headers:\n"
                + "      \"${NAME}\": v\n", Map.of());

        assertTrue(app.sinks().get("loki").get("headers").has("${NAME}"));
    }

    @Test
    void aVariablesValueIsNeverReadAsYaml() throws Exception {
        AppConfig app = load(SPLUNK + "    token: ${T}\n", Map.of("T", "x\n    index: evil"));

        assertEquals(3, app.sinks().get("splunk").size(), "no key was added");
        assertFalse(app.sinks().get("splunk").has("index"));
    }

    @Test
    void aPasswordFilePathMayComeFromAVariable() throws Exception {
        Files.writeString(dir.resolve("es.pass"), "pw\r\n");

        AppConfig app = load("sinks:\n  elasticsearch:\n    auth: {type: basic, username: u, password_file: \"${SECRETS}/es.pass\"}\n",
                Map.of("SECRETS", dir.toString()));

        assertEquals("pw", app.sinks().get("elasticsearch").get("auth").get("password").asText());
    }

    @Test
    void aSharedConfigWhoseSecretsComeFromTheEnvironmentIsNotWarnedAbout() throws Exception {
        Path file = write(SPLUNK + "    token: ${SPLUNK_TOKEN}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (LogCapture log = new LogCapture()) {
            ConfigFile.load(file, Map.of("SPLUNK_TOKEN", TOKEN)::get);

            assertFalse(log.text().contains("can be read by users other"), log.text());
        }
    }

}
