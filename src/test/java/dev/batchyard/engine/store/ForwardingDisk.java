package dev.batchyard.engine.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;

/** A disk that does what another does; tests override the operation they want to break. */
class ForwardingDisk implements Disk {
    private final Disk real;

    ForwardingDisk(Disk real) {
        this.real = real;
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        return real.open(file, options);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        real.createDirectory(dir);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        return real.list(dir);
    }

    @Override
    public boolean exists(Path path) {
        return real.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return real.isDirectory(path);
    }

    @Override
    public long size(Path file) throws IOException {
        return real.size(file);
    }

    @Override
    public void move(Path from, Path to, CopyOption... options) throws IOException {
        real.move(from, to, options);
    }

    @Override
    public void delete(Path path) throws IOException {
        real.delete(path);
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        return real.deleteIfExists(path);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        real.syncDirectory(dir);
    }

    @Override
    public Closeable lock(Path storeDirectory) {
        return real.lock(storeDirectory);
    }

    @Override
    public boolean heldByAWriter(Path storeDirectory) {
        return real.heldByAWriter(storeDirectory);
    }

    @Override
    public byte[] readAll(Path file) throws IOException {
        return real.readAll(file);
    }
}
