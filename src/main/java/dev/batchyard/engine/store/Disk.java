package dev.batchyard.engine.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every file and directory operation the store and its audit trail make, behind one interface:
 * production uses {@link #local()} (plain NIO), and the power-loss tests put a simulated disk here
 * that forgets, at a simulated power cut, what was not yet synced.
 *
 * <p><b>What is durable when</b> (the contract the store is written against, and the one the
 * simulation enforces): bytes written through a channel are durable once that channel is
 * {@linkplain FileChannel#force forced}; a name created, renamed or deleted in a directory is
 * durable once that directory is {@linkplain #syncDirectory synced}. Until then a power cut may
 * keep all, some or none of it, in any order, and may tear a 4 KiB page.
 *
 * <p>Files are created readable by their owner only ({@code 0600}), directories {@code 0700}
 * (see {@link OwnerOnlyFiles}). Implementations are thread-safe.
 */
public interface Disk {

    /** The local file system, through plain NIO: what every store uses outside tests. */
    static Disk local() {
        return LocalDisk.INSTANCE;
    }

    /** A channel on {@code file}; a file the options create is created {@code 0600}. */
    FileChannel open(Path file, OpenOption... options) throws IOException;

    /** Creates one directory, {@code 0700}; its parent must exist. Not durable until the parent is synced. */
    void createDirectory(Path dir) throws IOException;

    /** The entries of {@code dir}, in no particular order. */
    List<Path> list(Path dir) throws IOException;

    boolean exists(Path path);

    boolean isDirectory(Path path);

    /** The size of a file in bytes. */
    long size(Path file) throws IOException;

    /** Renames {@code from} to {@code to} (options as {@link java.nio.file.Files#move}). */
    void move(Path from, Path to, CopyOption... options) throws IOException;

    void delete(Path path) throws IOException;

    boolean deleteIfExists(Path path) throws IOException;

    /** Makes the names created, renamed and deleted in {@code dir} so far durable (fsync of the directory). */
    void syncDirectory(Path dir) throws IOException;

    /**
     * Takes the store's writer lock, one writer per store ({@code store.lock}); closing it releases it.
     *
     * @throws StoreLockedException when another writer holds it
     */
    Closeable lock(Path storeDirectory);

    /** Whether a writer holds the store's lock now (for a read-only view); false when it cannot tell. */
    boolean heldByAWriter(Path storeDirectory);

    /** The whole content of a file. */
    default byte[] readAll(Path file) throws IOException {
        try (FileChannel ch = open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " is too large to read whole (" + size + " bytes)");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // a file that shrank meanwhile ends the loop; its bytes so far are returned
            }
            return buf.position() == buf.capacity() ? buf.array() : java.util.Arrays.copyOf(buf.array(), buf.position());
        }
    }

    /**
     * {@code dir} and any missing parents, each created {@code 0700} and made durable: after each
     * one is created its parent is synced, so a power cut cannot take away a directory (and with
     * it everything later synced inside it) that this call made.
     *
     * @throws FileAlreadyExistsException when {@code dir} exists and is not a directory
     */
    default void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                createDirectory(next);
            } catch (FileAlreadyExistsException raced) {
                continue; // made by someone else meanwhile: checked below
            }
            syncDirectory(next.getParent());
        }
        if (!isDirectory(absolute)) {
            throw new FileAlreadyExistsException(dir.toString());
        }
    }
}
