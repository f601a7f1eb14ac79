package dev.batchyard.engine.store;

import dev.batchyard.model.BatchState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers for store tests: batches to put, damage to report, directories to copy. */
final class StoreFiles {
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 26, 15, 0, 0, 123_456_789, ZoneOffset.ofHours(-3));

    /** Records every damage report, as {@code file@offset: detail -> action}, and as it came. */
    static final class Reports implements CorruptionListener {
        final List<String> seen = new ArrayList<>();
        final List<StoreDamage> damage = new ArrayList<>();

        @Override
        public void found(StoreDamage d) {
            damage.add(d);
            seen.add(d.file().getFileName() + "@" + d.offset() + ": " + d.detail() + " -> " + d.action());
        }
    }

    private StoreFiles() {
    }

    static StoreRecord.Put put(String id, int entryBytes) {
        byte[] entries = new byte[entryBytes];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = (byte) (id.hashCode() + i);
        }
        BatchMeta meta = new BatchMeta("loki", BatchState.PENDING, 0, null, "", null, List.of());
        return new StoreRecord.Put(id, T0, Map.of("created_by", "test"), 3, meta, entries);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("store.lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    static List<Path> segments(Path store) throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("segments"))) {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }
}
