package dev.batchyard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.PersistenceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    private AppConfig load(String yaml) throws Exception {
        return ConfigFile.load(Files.writeString(dir.resolve("config.yaml"), yaml));
    }

    private ConfigException invalid(String persistenceLine) {
        return assertThrows(ConfigException.class, () -> load("persistence:\n  " + persistenceLine + "\n"));
    }

    private void assertNames(ConfigException e, String key, String value) {
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void readsEveryPersistenceKey() throws Exception {
        AppConfig c = load("""
                persistence:
                  enabled: true
                  directory: /var/lib/batches
                  max_pending_batches: 50
                  batch_timeout: 5m
                  max_recovery_retries: 3
                  recovery_backoff_base: 500ms
                  recovery_backoff_max: 1m30s
                  cleanup_interval: 2h
                  batch_ttl: 1.5h
                  max_batch_bytes: 8MiB
                  max_pending_bytes: 2GiB
                """);
        assertEquals(new PersistenceConfig(true, Path.of("/var/lib/batches"), 50, Duration.ofMinutes(5), 3,
                Duration.ofMillis(500), Duration.ofSeconds(90), Duration.ofHours(2), Duration.ofMinutes(90),
                8L << 20, 2L << 30),
                c.persistence());
    }

    @Test
    void usesTheGoDefaultsForMissingKeys() throws Exception {
        assertEquals(PersistenceConfig.defaults(dir.resolve("batch_persistence")), load("other: 1\n").persistence());
    }

    @Test
    void resolvesARelativeDirectoryAgainstTheConfigFilesDirectory() throws Exception {
        assertEquals(dir.resolve("store"), load("persistence:\n  directory: ./store\n").persistence().directory());
    }

    @Test
    void keepsTheSinksSectionRawAndIgnoresOtherSections() throws Exception {
        AppConfig c = load("""
                app:
                  name: agent
                sinks:
                  loki:
                    enabled: true
                    url: http://127.0.0.1:3100
                """);
        assertEquals("http://127.0.0.1:3100", c.sinks().get("loki").get("url").asText());
        assertEquals(dir.resolve("config.yaml"), c.source());
    }

    @Test
    void treatsAnEmptyFileAsAllDefaults() throws Exception {
        AppConfig c = load("");
        assertEquals(PersistenceConfig.defaults(dir.resolve("batch_persistence")), c.persistence());
        assertEquals(0, c.sinks().size());
    }

    @Test
    void defaultsWithoutAFileUseTheGivenStore() {
        AppConfig c = ConfigFile.defaults(dir);
        assertEquals(dir, c.persistence().directory());
        assertEquals(null, c.source());
    }

    @Test
    void rejectsAnUnknownPersistenceKey() {
        assertNames(invalid("batch_tll: 24h"), "persistence.batch_tll", "24h");
    }

    @Test
    void rejectsANonBooleanEnabled() {
        assertNames(invalid("enabled: maybe"), "persistence.enabled", "maybe");
    }

    @Test
    void rejectsADirectoryThatIsAFile() throws Exception {
        Files.writeString(dir.resolve("plain"), "x");
        assertNames(invalid("directory: plain"), "persistence.directory", "plain");
    }

    @Test
    void rejectsAnEmptyDirectory() {
        assertNames(invalid("directory: ''"), "persistence.directory", "''");
    }

    @Test
    void rejectsZeroMaxPendingBatches() {
        assertNames(invalid("max_pending_batches: 0"), "persistence.max_pending_batches", "0");
    }

    @Test
    void rejectsANonNumericMaxPendingBatches() {
        assertNames(invalid("max_pending_batches: lots"), "persistence.max_pending_batches", "lots");
    }

    @Test
    void rejectsAFractionalMaxPendingBatches() {
        assertNames(invalid("max_pending_batches: 1.5"), "persistence.max_pending_batches", "1.5");
    }

    @Test
    void rejectsANegativeMaxRecoveryRetries() {
        assertNames(invalid("max_recovery_retries: -1"), "persistence.max_recovery_retries", "-1");
    }

    @Test
    void rejectsAZeroBatchTimeout() {
        assertNames(invalid("batch_timeout: 0s"), "persistence.batch_timeout", "0s");
    }

    @Test
    void rejectsANegativeRecoveryBackoffBase() {
        assertNames(invalid("recovery_backoff_base: -1s"), "persistence.recovery_backoff_base", "-1s");
    }

    @Test
    void rejectsABadlySpelledRecoveryBackoffMax() {
        assertNames(invalid("recovery_backoff_max: 30 seconds"), "persistence.recovery_backoff_max", "30 seconds");
    }

    @Test
    void rejectsARecoveryBackoffMaxBelowTheBase() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("persistence:\n  recovery_backoff_base: 1m\n  recovery_backoff_max: 1s\n"));
        assertEquals("persistence.recovery_backoff_max", e.key());
    }

    @Test
    void rejectsADurationWithoutAUnit() {
        assertNames(invalid("cleanup_interval: 30"), "persistence.cleanup_interval", "30");
    }

    @Test
    void rejectsAnUnknownDurationUnit() {
        assertNames(invalid("batch_ttl: 1d"), "persistence.batch_ttl", "1d");
    }

    @Test
    void rejectsADurationGivenAsAList() {
        assertNames(invalid("batch_ttl: [1h]"), "persistence.batch_ttl", "1h");
    }

    @Test
    void rejectsAPersistenceSectionThatIsNotAMapping() {
        assertEquals("persistence", assertThrows(ConfigException.class, () -> load("persistence: yes-please\n")).key());
    }

    @Test
    void rejectsInvalidYamlNamingTheFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("persistence:\n  batch_ttl: [\n"));
        assertTrue(e.getMessage().contains("config.yaml") && e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void rejectsAMissingFileNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(dir.resolve("absent.yaml")));
        assertTrue(e.getMessage().contains("absent.yaml"), e.getMessage());
    }
}
