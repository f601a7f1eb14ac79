package dev.batchyard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code max_batch_bytes}, {@code max_pending_bytes}, and {@code enabled}, which is never ignored. */
class SizeLimitsAndEnabledConfigTest {
    @TempDir
    Path dir;

    private Path file;

    private AppConfig load(String yaml) throws Exception {
        file = Files.writeString(dir.resolve("config.yaml"), yaml);
        return ConfigFile.load(file);
    }

    private ConfigException refused(String yaml) throws Exception {
        file = Files.writeString(dir.resolve("config.yaml"), yaml);
        return assertThrows(ConfigException.class, () -> ConfigFile.load(file));
    }

    private void assertNamesFileKeyAndValue(ConfigException e, String key, String value) {
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(key + ": '" + value + "'"), e.getMessage());
    }

    @Test
    void enabledFalseIsRefusedNamingTheFileAndTheKeyInsteadOfBeingIgnored() throws Exception {
        ConfigException e = refused("persistence:\n  enabled: false\n");

        assertNamesFileKeyAndValue(e, "persistence.enabled", "false");
        assertTrue(e.allowed().contains("must be true"), e.allowed());
    }

    @Test
    void theSizeLimitsDefaultTo64MiBPerBatchAnd1GiBInAll() throws Exception {
        AppConfig c = load("persistence:\n  batch_ttl: 2h\n");

        assertEquals(64L << 20, c.persistence().maxBatchBytes());
        assertEquals(1L << 30, c.persistence().maxPendingBytes());
    }

    @ParameterizedTest
    @CsvSource({
        "1048576, 1048576",
        "1MiB, 1048576",
        "1 MiB, 1048576",
        "1mib, 1048576",
        "500KB, 500000",
        "2KiB, 2048",
        "268435465, 268435465",
    })
    void maxBatchBytesTakesBytesOrASizeWithAUnit(String written, long bytes) throws Exception {
        assertEquals(bytes, load("persistence:\n  max_batch_bytes: " + written + "\n").persistence().maxBatchBytes());
    }

    @Test
    void maxPendingBytesTakesASizeWithAUnit() throws Exception {
        assertEquals(20L << 30, load("persistence:\n  max_pending_bytes: 20GiB\n").persistence().maxPendingBytes());
    }

    @ParameterizedTest
    @CsvSource({
        "268435466, from 1024 bytes",
        "300MiB, from 1024 bytes",
        "1000, from 1024 bytes",
        "0, from 1024 bytes",
        "-5, such as 67108864",
        "lots, such as 67108864",
        "64 furlongs, unknown unit",
        "99999999999999999999, too large",
        "1.5MiB, such as 67108864",
    })
    void aBatchSizeOutsideWhatTheStoreCanHoldIsRefusedAsWritten(String written, String allowed) throws Exception {
        ConfigException e = refused("persistence:\n  max_batch_bytes: " + written + "\n");

        assertNamesFileKeyAndValue(e, "persistence.max_batch_bytes", written);
        assertTrue(e.getMessage().contains(allowed), e.getMessage());
    }

    @Test
    void aPendingLimitBelowTheBatchLimitIsRefusedNamingBoth() throws Exception {
        ConfigException e = refused("persistence:\n  max_batch_bytes: 64MiB\n  max_pending_bytes: 1MiB\n");

        assertNamesFileKeyAndValue(e, "persistence.max_pending_bytes", "1MiB");
        assertTrue(e.getMessage().contains("at least max_batch_bytes (67108864 bytes)"), e.getMessage());
    }
}
