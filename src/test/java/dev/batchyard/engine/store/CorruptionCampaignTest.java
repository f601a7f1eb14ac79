package dev.batchyard.engine.store;

import dev.batchyard.model.DamageKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.BatchState;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random damage to a closed store of a few thousand batches, trial after trial: bit flips,
 * truncation of the last segment, zeroed 4 KiB pages, a deleted segment, a garbage file, a damaged
 * checkpoint. Each time the store must open, give back every batch it keeps with its exact bytes,
 * invent nothing, report whatever it lost, and delete no damaged file. Trials: system property
 * {@code corruption.trials} (200 by default; the full campaign runs 10,000).
 */
class CorruptionCampaignTest {
    private static final long SEGMENT = 128 * 1024;
    private static final int BATCHES = 3000;

    @TempDir
    static Path shared;
    private static Path golden;
    private static final Map<String, Integer> goldenRetries = new HashMap<>();
    private static final Set<String> goldenRemoved = new HashSet<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildGoldenStore() {
        golden = shared.resolve("golden");
        Random random = new Random(1);
        try (LogStore store = LogStore.open(golden, false, SEGMENT, new StoreFiles.Reports())) {
            for (int i = 0; i < BATCHES; i++) {
                String id = "b" + i;
                store.put(StoreFiles.put(id, 40 + random.nextInt(200)), 100_000);
                goldenRetries.put(id, 0);
                if (random.nextInt(10) == 0) {
                    int retries = 1 + random.nextInt(3);
                    store.update(id, m -> m.withFailure(retries, StoreFiles.T0, "down", BatchState.RETRY_WAIT, null));
                    goldenRetries.put(id, retries);
                }
                if (random.nextInt(10) == 0) {
                    store.remove(id, RemovalCause.DELIVERED, "");
                    goldenRetries.remove(id);
                    goldenRemoved.add(id);
                }
            }
        }
    }

    @Test
    void randomDamageNeverInventsLosesSilentlyOrDeletesAnything() throws Exception {
        int trials = Integer.getInteger("corruption.trials", 200);
        Random random = new Random(Long.getLong("corruption.seed", 20261126L));
        for (int trial = 0; trial < trials; trial++) {
            Path dir = tmp.resolve("t" + trial);
            StoreFiles.copyTree(golden, dir);
            String damage = damage(dir, random);
            StoreFiles.Reports reports = new StoreFiles.Reports();
            Set<String> filesBefore = fileNames(dir);
            try (LogStore inTest = LogStore.open(dir, false, SEGMENT, reports)) {
                check(trial + " (" + damage + ")", inTest, reports);
                while (inTest.compactOldest().isPresent()) {
                    // compaction must get past damage it finds, keeping the damaged file
                }
                check(trial + " (" + damage + ", compacted)", inTest, reports);
            }
            Set<String> filesAfter = fileNames(dir);
            for (String name : filesBefore) {
                assertTrue(filesAfter.contains(name) || name.equals("index.ckpt"),
                        "trial " + trial + " (" + damage + "): " + name + " disappeared");
            }
            deleteTree(dir);
        }
    }

    private static void check(String trial, LogStore store, StoreFiles.Reports reports) {
        Set<String> present = new HashSet<>();
        for (StoredBatch b : store.all()) {
            present.add(b.id());
            assertTrue(goldenRetries.containsKey(b.id()) || goldenRemoved.contains(b.id()),
                    "trial " + trial + ": " + b.id() + " was never stored");
            if (goldenRemoved.contains(b.id())) {
                assertFalse(reports.seen.isEmpty(), "trial " + trial + ": removed " + b.id() + " came back unreported");
            } else {
                assertTrue(b.meta().retryCount() <= goldenRetries.get(b.id()), "trial " + trial + ": " + b.id() + " retries");
            }
            byte[] actual;
            try {
                java.util.Optional<byte[]> read = store.readEntries(b.id());
                if (read.isEmpty()) {
                    // set aside meanwhile, with its segment, when a neighbour's read found damage: reported by id
                    assertTrue(reports.damage.stream().anyMatch(d -> d.batchIds().contains(b.id())
                            && d.kind() == DamageKind.BATCH_QUARANTINED), "trial " + trial + ": " + b.id()
                            + " vanished unreported: " + reports.seen);
                    continue;
                }
                actual = read.get();
            } catch (StoreException damaged) {
                // damage in a segment the checkpoint covers is found when read: named, never wrong bytes
                assertTrue(damaged.getMessage().matches(".*\\.seg offset \\d+: .*"), damaged.getMessage());
                continue;
            }
            assertArrayEquals(StoreFiles.put(b.id(), actual.length).entries(), actual, "trial " + trial + ": " + b.id());
        }
        boolean lostSome = !present.containsAll(goldenRetries.keySet());
        assertTrue(!lostSome || !reports.seen.isEmpty(), "trial " + trial + ": batches lost without a report");
    }

    /** Damages the store in one random way; returns what was done. */
    private static String damage(Path dir, Random random) throws Exception {
        List<Path> segments = StoreFiles.segments(dir);
        Path segment = segments.get(random.nextInt(segments.size()));
        long size = Files.size(segment);
        switch (random.nextInt(7)) {
            case 0, 1 -> {
                int flips = 1 + random.nextInt(8);
                try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
                    for (int i = 0; i < flips; i++) {
                        long at = (long) (random.nextDouble() * size);
                        f.seek(at);
                        int b = f.read();
                        f.seek(at);
                        f.write(b ^ (1 << random.nextInt(8)));
                    }
                }
                return flips + " bit flips in " + segment.getFileName();
            }
            case 2 -> {
                Path last = segments.get(segments.size() - 1);
                long cut = (long) (random.nextDouble() * Files.size(last));
                try (RandomAccessFile f = new RandomAccessFile(last.toFile(), "rw")) {
                    f.setLength(cut);
                }
                return "last segment cut at " + cut;
            }
            case 3 -> {
                long page = (long) (random.nextDouble() * (size / 4096 + 1)) * 4096;
                try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
                    f.seek(page);
                    f.write(new byte[(int) Math.min(4096, Math.max(0, size - page))]);
                }
                return "zeroed page at " + page + " of " + segment.getFileName();
            }
            case 4 -> {
                Files.delete(segment);
                return "deleted " + segment.getFileName();
            }
            case 5 -> {
                byte[] junk = new byte[1 + random.nextInt(5000)];
                random.nextBytes(junk);
                Path where = random.nextBoolean() ? dir.resolve("segments").resolve("00000000000000000999.seg.bak") : dir.resolve("junk.bin");
                Files.write(where, junk);
                return "garbage file " + where.getFileName();
            }
            default -> {
                Path ckpt = dir.resolve("index.ckpt");
                byte[] bytes = Files.readAllBytes(ckpt);
                if (random.nextBoolean()) {
                    bytes[random.nextInt(bytes.length)] ^= 0x10;
                    Files.write(ckpt, bytes);
                    return "flipped a checkpoint byte";
                }
                Files.write(ckpt, java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)));
                return "cut the checkpoint";
            }
        }
    }

    private static Set<String> fileNames(Path dir) throws Exception {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
