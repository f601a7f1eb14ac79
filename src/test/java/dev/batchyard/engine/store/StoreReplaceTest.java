package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.BatchState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LogStore#replace}: the new batches and the removal of the old are one change. A crash
 * that cuts the log anywhere before the end of its COMMIT leaves the old batch and none of the new;
 * after it, the new and not the old. Compaction moves the new batches like any other.
 */
class StoreReplaceTest {
    private static final StoreLimits LIMITS = StoreLimits.ofBatches(100);
    @TempDir
    Path tmp;

    private static Map<String, BatchMeta> expect(LogStore store, String... ids) {
        Map<String, BatchMeta> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, store.get(id).orElseThrow().meta());
        }
        return out;
    }

    private static Set<String> ids(LogStore store) {
        Set<String> out = new TreeSet<>();
        store.all().forEach(b -> out.add(b.id()));
        return out;
    }

    @Test
    void aCutAnywhereBeforeTheCommitsEndLeavesTheOldBatchAndAfterItTheNewOnes() throws IOException {
        Path dir = tmp.resolve("s");
        long before;
        long after;
        try (LogStore store = LogStore.open(dir, false, 1 << 20, new StoreFiles.Reports())) {
            store.put(StoreFiles.put("old", 300), LIMITS);
            store.put(StoreFiles.put("other", 50), LIMITS);
            before = StoreFiles.segments(dir).get(0).toFile().length();
            store.replace(expect(store, "old"), List.of(StoreFiles.put("old.1", 100), StoreFiles.put("old.2", 200)),
                    RemovalCause.SPLIT, "split into old.1, old.2", LIMITS);
            assertEquals(Set.of("old.1", "old.2", "other"), ids(store));
            store.closeWithoutCheckpoint();
        }
        after = StoreFiles.segments(dir).get(0).toFile().length();
        int checked = 0;
        for (long cut = before; cut <= after; cut += 7) {
            Path copy = tmp.resolve("cut-" + cut);
            StoreFiles.copyTree(dir, copy);
            java.nio.file.Files.deleteIfExists(copy.resolve(Checkpoint.FILE)); // a crash: the log is all there is
            try (FileChannel ch = FileChannel.open(StoreFiles.segments(copy).get(0), StandardOpenOption.WRITE)) {
                ch.truncate(cut);
            }
            try (LogStore store = LogStore.open(copy, false, 1 << 20, new StoreFiles.Reports())) {
                assertEquals(Set.of("old", "other"), ids(store), "cut at " + cut + " of " + before + ".." + after);
                assertEquals(300, store.readEntries("old").orElseThrow().length);
            }
            checked++;
        }
        try (LogStore store = LogStore.open(dir, false, 1 << 20, new StoreFiles.Reports())) {
            assertEquals(Set.of("old.1", "old.2", "other"), ids(store), "whole");
            assertArrayEquals(StoreFiles.put("old.2", 200).entries(), store.readEntries("old.2").orElseThrow());
            store.checkpoint();
        }
        try (LogStore store = LogStore.open(dir, false, 1 << 20, new StoreFiles.Reports())) {
            assertEquals(Set.of("old.1", "old.2", "other"), ids(store), "from the checkpoint");
        }
        assertTrue(checked > 40, checked + " cuts");
    }

    @Test
    void aBatchThatChangedOrIsGoneOrAnIdTakenRefusesTheWholeChange() {
        try (LogStore store = LogStore.open(tmp.resolve("s"), false, 1 << 20, new StoreFiles.Reports())) {
            store.put(StoreFiles.put("a", 10), LIMITS);
            store.put(StoreFiles.put("b", 10), LIMITS);
            Map<String, BatchMeta> seen = expect(store, "a", "b");
            store.update("b", m -> m.withState(BatchState.DEAD, null));

            assertThrows(BatchChangedException.class, () -> store.replace(seen, List.of(StoreFiles.put("m", 20)),
                    RemovalCause.MERGED, "merged into m", LIMITS));
            assertThrows(DuplicateBatchException.class, () -> store.replace(expect(store, "a"),
                    List.of(StoreFiles.put("b", 20)), RemovalCause.SPLIT, "split", LIMITS));
            store.remove("b", RemovalCause.DISCARDED, "gone");
            assertThrows(UnknownBatchException.class, () -> store.replace(seen, List.of(StoreFiles.put("m", 20)),
                    RemovalCause.MERGED, "merged into m", LIMITS));
            assertThrows(BatchTooLargeException.class, () -> store.replace(expect(store, "a"),
                    List.of(StoreFiles.put("huge", 4096)), RemovalCause.SPLIT, "split", new StoreLimits(100, 1024, 1 << 20)));

            assertEquals(Set.of("a"), ids(store));
        }
    }

    @Test
    void compactionMovesTheNewBatchesAndAReopenFindsThemOnce() {
        Path dir = tmp.resolve("s");
        try (LogStore store = LogStore.open(dir, false, 4096, new StoreFiles.Reports())) {
            store.put(StoreFiles.put("x", 1000), LIMITS);
            store.replace(expect(store, "x"), List.of(StoreFiles.put("x.1", 500), StoreFiles.put("x.2", 500)),
                    RemovalCause.SPLIT, "split", LIMITS);
            for (int i = 0; i < 12; i++) { // fill and churn segments so the oldest is worth compacting
                store.put(StoreFiles.put("f" + i, 900), LIMITS);
                store.remove("f" + i, RemovalCause.DELIVERED, "ok");
            }
            int compacted = 0;
            while (store.compactOldest().isPresent() && compacted < 20) {
                compacted++;
            }
            assertTrue(compacted > 0, "something was compacted");
            assertEquals(Set.of("x.1", "x.2"), ids(store));
            store.closeWithoutCheckpoint();
        }
        try (LogStore store = LogStore.open(dir, false, 4096, new StoreFiles.Reports())) {
            assertEquals(Set.of("x.1", "x.2"), ids(store));
            assertArrayEquals(StoreFiles.put("x.1", 500).entries(), store.readEntries("x.1").orElseThrow());
            assertFalse(store.get("x").isPresent());
        }
    }
}
