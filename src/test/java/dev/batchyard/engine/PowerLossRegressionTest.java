package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.codec.binary.BinaryEntriesCodec;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.DiskImage;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.LossKind;
import dev.batchyard.engine.store.PowerCutDisk;
import dev.batchyard.model.Actor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine on a simulated disk that loses power ({@link PowerCutDisk}): defects the power-loss
 * campaign found in what the engine keeps beside the store, each reduced to the steps that show it.
 */
class PowerLossRegressionTest {
    private static final Path STORE = Path.of("/powercut/store");

    /** A store whose directories are all durable, and nothing else: only what comes after is at stake. */
    private static DiskImage storeMadeEarlier() {
        PowerCutDisk disk = DiskImage.empty(STORE.getParent()).disk(LossKind.RENAME_WITHOUT_DATA, new Random(1));
        LogStore.open(STORE, false, 64 * 1024, damage -> { }, disk).close();
        return disk.cutNow();
    }

    private static BatchPersistence open(PowerCutDisk disk) {
        EngineOptions options = new EngineOptions(Duration.ofHours(1), 64 * 1024, () -> 0.5,
                new BinaryEntriesCodec(), false, Duration.ofHours(1));
        Clock clock = Clock.systemUTC();
        return BatchPersistence.open(PersistenceConfig.defaults(STORE), Delivery.none(), clock, new EventBus(clock),
                options, disk);
    }

    /**
     * Campaign chain seed 20261202, round 9: a cut tore audit.log's last line (zeroed it, here), and
     * the next line appended ran on from the torn one: acknowledged, yet not a line of its own.
     */
    @Test
    void aLineAuditedAfterATornOneIsALineOfItsOwn() throws Exception {
        PowerCutDisk disk = storeMadeEarlier().disk(LossKind.ALL, new Random(2));
        try (var ch = disk.open(STORE.resolve(AuditTrail.FILE), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap("{\"at\":\"2026-12-02T00:00:00Z\",\"act\0\0\0\0".getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        }
        disk.syncDirectory(STORE);
        try (BatchPersistence engine = open(disk)) {
            engine.pauseRecovery(new Actor("operator-after-the-tear"));
        }

        String audit = new String(disk.cutNow().read(STORE.resolve(AuditTrail.FILE)), StandardCharsets.UTF_8);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertTrue(audit.lines().anyMatch(line -> line.startsWith("{\"at\"") && line.contains("operator-after-the-tear")
                && parses(json, line)), audit);
        assertTrue(audit.startsWith("{\"at\":\"2026-12-02T00:00:00Z\",\"act\0"), "the torn line is kept as it was");
    }

    private static boolean parses(com.fasterxml.jackson.databind.ObjectMapper json, String line) {
        try {
            return json.readTree(line).has("actor");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Campaign chain seed 20261203, round 0: audit.log was created but its name never synced into the store. */
    @Test
    void anOperatorActionAuditedInANewAuditTrailSurvivesAPowerCut() {
        PowerCutDisk disk = storeMadeEarlier().disk(LossKind.ALL, new Random(2));
        BatchPersistence engine = open(disk);
        engine.pauseRecovery(new Actor("operator-before-the-cut"));
        DiskImage image = disk.cutNow();
        engine.close();

        byte[] audit = image.read(STORE.resolve(AuditTrail.FILE));
        assertNotNull(audit, "audit.log is gone after the cut");
        assertTrue(new String(audit, StandardCharsets.UTF_8).contains("\"actor\":\"operator-before-the-cut\""));
    }
}
