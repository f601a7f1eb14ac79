package dev.batchyard.bench;

import dev.batchyard.codec.gojson.GoTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seed's design: the batch lives in memory and in {@code batch_<id>.json}, rewritten whole on
 * every failure and deleted on success. {@code safe = false} is what the Go code does
 * ({@code os.WriteFile}: no fsync, a crash can leave an empty or cut file); {@code safe = true} is
 * the cheapest correct version: temp file, fsync, rename, fsync of the directory.
 */
final class SeedFileDesign implements Design {
    private final Path directory;
    private final boolean safe;
    private final SeedBatchJson json = new SeedBatchJson();
    private final Map<String, SeedBatch> pending = new ConcurrentHashMap<>();

    SeedFileDesign(Path directory, boolean safe) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.safe = safe;
    }

    static Design.Factory factory(boolean safe) {
        return new Design.Factory() {
            @Override
            public String name() {
                return safe ? "json-file-safe" : "json-file-go";
            }

            @Override
            public Design open(Path dir) throws IOException {
                return new SeedFileDesign(dir, safe);
            }
        };
    }

    static Path file(Path directory, String id) {
        return directory.resolve("batch_" + id + ".json");
    }

    @Override
    public void persist(String id, Sample batch) {
        SeedBatch b = new SeedBatch(id, batch.entries(), SamplePool.SINK, OffsetDateTime.now(ZoneOffset.UTC),
                GoTime.ZERO, 0, "", SamplePool.CONTEXT);
        pending.put(id, b);
        write(b);
    }

    @Override
    public void succeed(String id) {
        pending.remove(id);
        try {
            Files.delete(file(directory, id));
            if (safe) {
                syncDirectory();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + file(directory, id), e);
        }
    }

    @Override
    public void fail(String id, String reason) {
        write(pending.computeIfPresent(id, (k, b) -> b.failed(OffsetDateTime.now(ZoneOffset.UTC), reason)));
    }

    private void write(SeedBatch b) {
        byte[] bytes = json.write(b);
        Path target = file(directory, b.id());
        try {
            if (!safe) {
                Files.write(target, bytes);
                return;
            }
            Path temp = directory.resolve("batch_" + b.id() + ".json.tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target, e);
        }
    }

    private void syncDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    @Override
    public void close() {
        pending.clear();
    }
}
