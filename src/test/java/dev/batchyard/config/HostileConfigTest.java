package dev.batchyard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.runtime.ConfigFileSetup;
import dev.batchyard.sink.SinkRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reliability suite, hostile input: a config.yaml written wrong in every way an operator manages.
 * Each error names the file, and the key and the value as written (or the line and column).
 */
class HostileConfigTest {
    @TempDir
    Path dir;

    private Path file;

    private Path write(String yaml) throws Exception {
        file = Files.writeString(dir.resolve("config.yaml"), yaml);
        return file;
    }

    private ConfigException refused(String yaml) throws Exception {
        Path config = write(yaml);
        return assertThrows(ConfigException.class, () -> ConfigFile.load(config));
    }

    /** The message starts with the file's absolute path and quotes {@code value} for {@code key}. */
    private void assertNamesFileKeyAndValue(ConfigException e, String key, String value) {
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(key + ": '" + value + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch_timeout", "recovery_backoff_base", "recovery_backoff_max", "cleanup_interval",
        "batch_ttl"})
    void aNegativeDurationIsRefusedForEveryDurationKey(String key) throws Exception {
        ConfigException e = refused("persistence:\n  " + key + ": -1h30m\n");

        assertNamesFileKeyAndValue(e, "persistence." + key, "-1h30m");
        assertTrue(e.getMessage().contains("positive Go duration"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "-0s", "0.0000000001s"})
    void aDurationThatComesToZeroIsRefused(String zero) throws Exception {
        assertNamesFileKeyAndValue(refused("persistence:\n  batch_ttl: " + zero + "\n"), "persistence.batch_ttl", zero);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ns", "999ms"})
    void aCleanupIntervalUnderASecondIsRefused(String interval) throws Exception {
        ConfigException e = refused("persistence:\n  cleanup_interval: " + interval + "\n");

        assertNamesFileKeyAndValue(e, "persistence.cleanup_interval", interval);
        assertTrue(e.getMessage().contains("at least 1s"), e.getMessage());
    }

    @Test
    void aDurationBeyondGosRangeIsRefusedSayingSo() throws Exception {
        ConfigException e = refused("persistence:\n  batch_ttl: 9999999h\n");

        assertNamesFileKeyAndValue(e, "persistence.batch_ttl", "9999999h");
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "max_pending_batches, 0, 1",
        "max_pending_batches, -5, 1",
        "max_recovery_retries, -1, 0",
        "max_pending_batches, 3000000000, 1",
    })
    void aLimitBelowItsMinimumOrBeyondAnIntIsRefusedWithTheRange(String key, String value, int min) throws Exception {
        ConfigException e = refused("persistence:\n  " + key + ": " + value + "\n");

        assertNamesFileKeyAndValue(e, "persistence." + key, value);
        assertTrue(e.getMessage().contains("from " + min + " to 2147483647"), e.getMessage());
    }

    @Test
    void zeroRecoveryRetriesIsAllowedAndMeansDeadAfterTheFirstFailure() throws Exception {
        assertEquals(0, ConfigFile.load(write("persistence:\n  max_recovery_retries: 0\n")).persistence()
                .maxRecoveryRetries());
    }

    @Test
    void anUnknownPersistenceKeyIsRefusedNamingItTheFileAndTheKeysAllowed() throws Exception {
        ConfigException e = refused("persistence:\n  max_pending_batch: 10\n");

        assertNamesFileKeyAndValue(e, "persistence.max_pending_batch", "10");
        assertTrue(e.getMessage().contains("max_pending_batches"), "lists the allowed keys: " + e.getMessage());
    }

    @Test
    void unknownTopLevelSectionsOfTheGoAgentAreIgnored() throws Exception {
        AppConfig c = ConfigFile.load(write("""
                app: {name: agent, log_level: debug}
                dispatcher: {queue_size: 50000, worker_count: 8}
                positions: {directory: /var/lib/positions}
                persistence:
                  batch_ttl: 2h
                """));

        assertEquals(Duration.ofHours(2), c.persistence().batchTtl());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "enabled: [true]               | persistence.enabled             | [true]",
        "enabled: 'true'               | persistence.enabled             | true",
        "max_pending_batches: [1, 2]   | persistence.max_pending_batches | [1,2]",
        "max_pending_batches: {n: 1}   | persistence.max_pending_batches | {\"n\":1}",
        "max_recovery_retries: 2.5     | persistence.max_recovery_retries | 2.5",
        "batch_timeout: true           | persistence.batch_timeout       | true",
        "batch_ttl: {h: 1}             | persistence.batch_ttl           | {\"h\":1}",
        "directory: [a, b]             | persistence.directory           | [\"a\",\"b\"]",
        "directory: 42                 | persistence.directory           | 42",
    })
    void aValueOfTheWrongTypeIsQuotedAsWritten(String line, String key, String shown) throws Exception {
        assertNamesFileKeyAndValue(refused("persistence:\n  " + line + "\n"), key, shown);
    }

    @Test
    void aQuotedBooleanIsToldToLoseItsQuotes() throws Exception {
        ConfigException e = refused("persistence:\n  enabled: \"false\"\n");

        assertTrue(e.getMessage().contains("without quotes"), e.getMessage());
    }

    @Test
    void aBackoffMaxBelowTheBaseQuotesBothAsWritten() throws Exception {
        ConfigException e = refused("persistence:\n  recovery_backoff_base: 1m\n  recovery_backoff_max: 1s\n");

        assertNamesFileKeyAndValue(e, "persistence.recovery_backoff_max", "1s");
        assertTrue(e.getMessage().contains("recovery_backoff_base (1m0s)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# only a comment\n", "---\n", "~\n"})
    void anEmptyFileMeansTheGoDefaults(String yaml) throws Exception {
        assertEquals(PersistenceConfig.defaults(dir.resolve("batch_persistence")),
                ConfigFile.load(write(yaml)).persistence());
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileLineAndColumnOfTheProblem() throws Exception {
        ConfigException e = refused("persistence:\n  batch_ttl: 1h\n\tbatch_timeout: 5m\n");

        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": line 3, column 1: not valid YAML: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("TAB"), "says what is wrong there: " + e.getMessage());
    }

    @Test
    void anUnterminatedQuoteNamesWhereTheScannerGaveUp() throws Exception {
        ConfigException e = refused("persistence:\n  directory: \"/srv/store\n  batch_ttl: 1h\n");

        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": line 4, column 1: not valid YAML: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("quoted scalar"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsRefusedAsGoRefusesItRatherThanTheLastOneWinning() throws Exception {
        ConfigException e = refused("persistence:\n  batch_ttl: 1h\n  batch_ttl: 48h\n");

        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": line 3, "), e.getMessage());
        assertTrue(e.getMessage().contains("Duplicate field 'batch_ttl'"), e.getMessage());
    }

    @Test
    void aSectionGivenTwiceIsRefusedToo() throws Exception {
        ConfigException e = refused("persistence:\n  batch_ttl: 1h\nsinks: {}\npersistence:\n  batch_ttl: 2h\n");

        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("'persistence'"), e.getMessage());
    }

    @Test
    void binaryGarbageIsRefusedNamingTheFile() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.write(config, new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10});
        file = config;

        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(config));

        assertTrue(e.getMessage().startsWith(config.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void aListAtTheTopIsRefusedNamingTheFile() throws Exception {
        ConfigException e = refused("- persistence\n- sinks\n");

        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": must be a YAML mapping"), e.getMessage());
    }

    @Test
    void aConfigPathThatIsADirectoryIsRefusedNamingIt() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(dir));

        assertTrue(e.getMessage().startsWith(dir.toAbsolutePath() + ": cannot be read"), e.getMessage());
    }

    @Test
    void aStoreDirectoryBelowAFileIsRefusedNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("plain"), "not a directory");

        ConfigException e = refused("persistence:\n  directory: plain\n");

        assertNamesFileKeyAndValue(e, "persistence.directory", "plain");
        assertTrue(e.getMessage().contains(dir.resolve("plain") + " is a file"), e.getMessage());
    }

    @Test
    void aBadSinkValueNamesTheFileAndTheSinksKey() throws Exception {
        AppConfig config = ConfigFile.load(write("sinks:\n  loki:\n    enabled: true\n    url: http://127.0.0.1:3100\n"
                + "    timeout: -5s\n"));

        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFileSetup.sinks(config, SinkRuntime.create(Clock.systemUTC(), 1L)));

        assertEquals("sinks.loki.timeout", e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": sinks.loki.timeout: '-5s'"), e.getMessage());
    }

    @Test
    void aSinksSectionThatIsAListIsQuotedAsWritten() throws Exception {
        ConfigException e = refused("sinks: [loki]\n");

        assertEquals("sinks", e.key());
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": sinks: '[\"loki\"]'"), e.getMessage());
    }
}
