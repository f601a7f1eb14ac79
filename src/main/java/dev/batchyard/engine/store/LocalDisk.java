package dev.batchyard.engine.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link Disk} on the local file system through plain NIO. {@code java.nio} has no call to fsync a
 * directory: {@link #syncDirectory} opens the directory as a channel and forces it, which is
 * {@code fsync(2)} on the directory's descriptor on Linux and macOS. Stateless.
 */
final class LocalDisk implements Disk {
    static final LocalDisk INSTANCE = new LocalDisk();

    private LocalDisk() {
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        return OwnerOnlyFiles.open(file, options);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        OwnerOnlyFiles.createDirectory(dir);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public long size(Path file) throws IOException {
        return Files.size(file);
    }

    @Override
    public void move(Path from, Path to, CopyOption... options) throws IOException {
        Files.move(from, to, options);
    }

    @Override
    public void delete(Path path) throws IOException {
        Files.delete(path);
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        return Files.deleteIfExists(path);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public Closeable lock(Path storeDirectory) {
        return StoreLock.acquire(storeDirectory);
    }

    @Override
    public boolean heldByAWriter(Path storeDirectory) {
        return StoreLock.heldByAWriter(storeDirectory);
    }

    @Override
    public byte[] readAll(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
