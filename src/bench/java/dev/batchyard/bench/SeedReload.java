package dev.batchyard.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The seed's start-up: glob {@code batch_*.json}, read and parse every file into memory. */
final class SeedReload {
    private SeedReload() {
    }

    static double seconds(Path dir, int expected) throws IOException {
        SeedBatchJson json = new SeedBatchJson();
        long start = System.nanoTime();
        Map<String, SeedBatch> loaded = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "batch_*.json")) {
            for (Path f : files) {
                SeedBatch b = json.read(Files.readAllBytes(f));
                loaded.put(b.id(), b);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (loaded.size() != expected) {
            throw new IllegalStateException("seed reload of " + dir + " found " + loaded.size() + " batches, expected " + expected);
        }
        return seconds;
    }
}
