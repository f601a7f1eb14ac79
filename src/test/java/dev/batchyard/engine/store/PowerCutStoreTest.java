package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.DamageKind;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The store on a {@link PowerCutDisk}: what it acknowledged survives a power cut that throws away
 * everything unsynced. Each test here is a defect the power-loss campaign found
 * ({@code PowerLossCampaignTest}), reduced to the steps that show it.
 */
class PowerCutStoreTest {
    private static final Path STORE = Path.of("/powercut/store");
    private static final long SEGMENT = 64 * 1024;

    private static LogStore open(PowerCutDisk disk, StoreFiles.Reports reports) {
        return LogStore.open(STORE, false, SEGMENT, reports, disk);
    }

    private static Set<String> ids(LogStore store) {
        return store.all().stream().map(StoredBatch::id).collect(Collectors.toSet());
    }

    /** The power goes with the store still open: what survives is what it had made durable. */
    private static DiskImage cutWhileOpen(PowerCutDisk disk, LogStore store) {
        DiskImage image = disk.cutNow();
        store.close(); // its closing checkpoint fails on the dead disk, and says so
        return image;
    }

    /** Campaign chain seed 20261203, round 0: the directories of a new store were never synced into their parents. */
    @Test
    void aBatchPersistedInANewStoreSurvivesAPowerCut() {
        PowerCutDisk disk = DiskImage.empty(STORE.getParent()).disk(LossKind.ALL, new Random(1));
        LogStore store = open(disk, new StoreFiles.Reports());
        store.put(StoreFiles.put("b1", 100), 100);
        DiskImage image = cutWhileOpen(disk, store);

        try (LogStore inTest = open(image.disk(LossKind.ALL, new Random(2)), new StoreFiles.Reports())) {
            assertEquals(Set.of("b1"), ids(inTest));
        }
    }

    /** Campaign chain seed 20261202, round 19: the copy of a torn tail was not synced into quarantine/ before the cut. */
    @Test
    void aTornTailKeptInQuarantineIsStillThereAfterTheNextPowerCut() throws Exception {
        // every name survives this first cut: only what the second open does is at stake
        PowerCutDisk first = DiskImage.empty(STORE.getParent()).disk(LossKind.RENAME_WITHOUT_DATA, new Random(1));
        try (LogStore store = open(first, new StoreFiles.Reports())) {
            store.put(StoreFiles.put("b1", 100), 100);
        }
        Path segment = STORE.resolve("segments").resolve(String.format("%020d.seg", 1));
        try (FileChannel ch = first.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 7, 7, 7})); // the start of a record that never ended
            ch.force(false);
        }
        PowerCutDisk second = first.cutNow().disk(LossKind.ALL, new Random(3));
        StoreFiles.Reports reports = new StoreFiles.Reports();
        LogStore store = open(second, reports);
        StoreDamage torn = reports.damage.get(0);
        assertEquals(DamageKind.TORN_TAIL, torn.kind(), reports.seen.toString());
        Path kept = STORE.resolve("quarantine").resolve(segment.getFileName() + ".tail-" + torn.offset());
        assertTrue(torn.action().contains(kept.toString()), torn.action());
        DiskImage image = cutWhileOpen(second, store);

        assertNotNull(image.read(kept), "the torn bytes the report says are kept in " + kept);
        assertEquals(7, image.read(kept).length);
    }

    /**
     * Campaign chain seed 20261202, round 18: the power went after a new segment's name was made
     * durable and before its header was written; the open called the empty file a torn write.
     */
    @Test
    void anEmptySegmentTheCutLeftIsRemovedWithoutADamageReport() throws Exception {
        PowerCutDisk first = DiskImage.empty(STORE.getParent()).disk(LossKind.ALL, new Random(1));
        try (LogStore store = open(first, new StoreFiles.Reports())) {
            store.put(StoreFiles.put("b1", 100), 100);
        }
        Path empty = STORE.resolve("segments").resolve(String.format("%020d.seg", 2));
        first.open(empty, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        first.syncDirectory(empty.getParent());
        PowerCutDisk second = first.cutNow().disk(LossKind.ALL, new Random(2));
        StoreFiles.Reports reports = new StoreFiles.Reports();

        try (LogStore inTest = open(second, reports)) {
            assertEquals(Set.of("b1"), ids(inTest));
            assertEquals(java.util.List.of(), reports.seen);
        }
        assertTrue(!second.exists(empty) || second.size(empty) >= SegmentHeader.SIZE, "the empty segment is gone");
    }

    /**
     * Campaign chain seed 20261205, round 24: the open removed a new segment whose header the cut
     * tore, and the log went on in the next id; the open after took the gap for a lost segment.
     */
    @Test
    void aSegmentRemovedForItsTornHeaderLeavesNoGapForTheNextOpen() throws Exception {
        PowerCutDisk first = DiskImage.empty(STORE.getParent()).disk(LossKind.ALL, new Random(1));
        try (LogStore store = open(first, new StoreFiles.Reports())) {
            store.put(StoreFiles.put("b1", 100), 100);
        }
        Path torn = STORE.resolve("segments").resolve(String.format("%020d.seg", 2));
        try (FileChannel ch = first.open(torn, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'B', 'Y', 'W'})); // the start of its header
            ch.force(false);
        }
        first.syncDirectory(torn.getParent());
        PowerCutDisk second = first.cutNow().disk(LossKind.ALL, new Random(2));
        try (LogStore store = open(second, new StoreFiles.Reports())) {
            store.put(StoreFiles.put("b2", 100), 100);
        }
        StoreFiles.Reports reports = new StoreFiles.Reports();

        try (LogStore inTest = open(second.cutNow().disk(LossKind.ALL, new Random(3)), reports)) {
            assertEquals(Set.of("b1", "b2"), ids(inTest));
            assertEquals(java.util.List.of(), reports.seen);
        }
    }

    /**
     * Full campaign, chain seed 20261240, rounds 0 to 2: a cut left a hole in the newest segment,
     * with records after it; the open moved the segment into quarantine/ after copying its live
     * batches forward, but the REMOVE and META records in it for batches stored elsewhere were in
     * no checkpoint: the next open brought removed batches back and lost updates.
     */
    @Test
    void aSegmentMovedAsideKeepsTheRemovalsItHeldForBatchesStoredElsewhere() throws Exception {
        long small = 4096; // one 3000-byte batch per segment
        PowerCutDisk first = DiskImage.empty(STORE.getParent()).disk(LossKind.ALL, new Random(1));
        LogStore writer = LogStore.open(STORE, false, small, new StoreFiles.Reports(), first);
        writer.put(StoreFiles.put("a", 3000), 100); // segment 1
        writer.put(StoreFiles.put("b", 3000), 100); // segment 2
        writer.remove("a", RemovalCause.DELIVERED, ""); // segment 2, after b
        writer.put(StoreFiles.put("c", 100), 100); // segment 2
        DiskImage acknowledged = cutWhileOpen(first, writer); // no checkpoint: the log alone holds it all
        PowerCutDisk second = acknowledged.disk(LossKind.ALL, new Random(2));
        Path segment2 = STORE.resolve("segments").resolve(String.format("%020d.seg", 2));
        try (FileChannel ch = second.open(segment2, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[64]), 100); // a hole in b's record, as a reordering cut leaves
            ch.force(false);
        }
        LogStore rescuing = LogStore.open(STORE, false, small, new StoreFiles.Reports(), second);
        assertEquals(Set.of("c"), ids(rescuing)); // b set aside, c copied forward, segment 2 in quarantine/
        DiskImage afterRescue = cutWhileOpen(second, rescuing);

        try (LogStore inTest = LogStore.open(STORE, false, small, new StoreFiles.Reports(),
                afterRescue.disk(LossKind.ALL, new Random(3)))) {
            assertEquals(Set.of("c"), ids(inTest));
        }
    }
}
