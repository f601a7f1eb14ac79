package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log meets a full or failing disk: the caller is told, nothing false is acknowledged. */
class IoFaultTest {
    private static final long SEGMENT = 64 * 1024;

    @TempDir
    Path tmp;

    private final FaultyChannel.Plan plan = new FaultyChannel.Plan();

    private LogStore openFaulty(StoreFiles.Reports reports) {
        return StoreOpening.open(tmp, false, SEGMENT, reports, plan.disk());
    }

    /** Puts b0, b1, … until one fails; returns the ids that were acknowledged. */
    private Set<String> putUntilFailure(LogStore store, StoreException[] failure) {
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            try {
                store.put(StoreFiles.put("b" + i, 500), 10_000);
                acknowledged.add("b" + i);
            } catch (StoreException e) {
                failure[0] = e;
                return acknowledged;
            }
        }
        throw new AssertionError("the fault never fired");
    }

    private Set<String> reopenIds(StoreFiles.Reports reports) {
        try (LogStore store = LogStore.open(tmp, false, SEGMENT, reports)) {
            return store.all().stream().map(StoredBatch::id).collect(Collectors.toSet());
        }
    }

    @Test
    void aFullDiskDuringWriteFailsTheCallAndStopsTheLogWithTheReason() {
        plan.writesLeft.set(20);
        StoreException[] failure = new StoreException[1];
        Set<String> acknowledged;
        try (LogStore inTest = openFaulty(new StoreFiles.Reports())) {
            acknowledged = putUntilFailure(inTest, failure);
            assertTrue(failure[0].getMessage().contains("No space left on device"), failure[0].getMessage());
            assertTrue(failure[0].getMessage().contains(".seg"), "names the file: " + failure[0].getMessage());
            assertFalse(inTest.healthy());
            StoreException next = assertThrows(StoreException.class, () -> inTest.put(StoreFiles.put("later", 10), 10_000));
            assertTrue(next.getMessage().contains("No space left on device"), next.getMessage());
        }
        StoreFiles.Reports reports = new StoreFiles.Reports();
        Set<String> after = reopenIds(reports);
        assertTrue(after.containsAll(acknowledged), "every acknowledged batch survives");
        assertEquals(acknowledged, after, "the half-written batch is cut off, not resurrected half");
        assertTrue(reports.seen.stream().anyMatch(r -> r.contains("torn write")), reports.seen.toString());
    }

    @Test
    void aFailingFsyncIsNeverReportedAsDurable() {
        plan.forcesLeft.set(10);
        plan.error = "Input/output error";
        StoreException[] failure = new StoreException[1];
        Set<String> acknowledged;
        try (LogStore inTest = openFaulty(new StoreFiles.Reports())) {
            acknowledged = putUntilFailure(inTest, failure);
            assertTrue(failure[0].getMessage().contains("Input/output error"), failure[0].getMessage());
            assertFalse(inTest.healthy());
            assertTrue(inTest.failure().contains("Input/output error"));
        }
        assertTrue(reopenIds(new StoreFiles.Reports()).containsAll(acknowledged));
    }

    @Test
    void aFaultWhileCreatingTheNextSegmentStopsTheLogCleanly() {
        // the first segment opens fine; the fault is on the second, created or moved into place from a spare
        Disk failingSecond = new ForwardingDisk(Disk.local()) {
            private int created;

            @Override
            public java.nio.channels.FileChannel open(Path path, java.nio.file.OpenOption... options) throws java.io.IOException {
                if (java.util.Arrays.asList(options).contains(java.nio.file.StandardOpenOption.CREATE_NEW)
                        && path.getFileName().toString().endsWith(".seg") && ++created == 2) {
                    throw new java.io.IOException("No space left on device");
                }
                return super.open(path, options);
            }

            @Override
            public void move(Path from, Path to, java.nio.file.CopyOption... options) throws java.io.IOException {
                if (to.getFileName().toString().endsWith(".seg") && ++created == 2) {
                    throw new java.io.IOException("No space left on device");
                }
                super.move(from, to, options);
            }
        };
        StoreException[] failure = new StoreException[1];
        Set<String> acknowledged;
        try (LogStore inTest = StoreOpening.open(tmp, false, SEGMENT, new StoreFiles.Reports(), failingSecond)) {
            acknowledged = putUntilFailure(inTest, failure);
            assertTrue(acknowledged.size() > 10, "the first segment filled up: " + acknowledged.size());
            assertFalse(inTest.healthy());
        }
        assertEquals(acknowledged, reopenIds(new StoreFiles.Reports()));
    }
}
