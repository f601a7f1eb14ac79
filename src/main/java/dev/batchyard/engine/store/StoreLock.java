package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per store: an OS file lock on {@code store.lock}, which also records the holder's
 * pid for the message a second opener gets. The OS drops the lock when the process dies, even by
 * {@code kill -9}, so a stale lock file never blocks a restart.
 */
final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path storeDirectory) {
        Path file = storeDirectory.resolve("store.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            boolean heldHere = false;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
                heldHere = true; // the JVM keeps its own locks; the OS would let this process lock twice
            }
            if (lock == null) {
                long pid = readPid(channel);
                channel.close();
                throw new StoreLockedException("store " + storeDirectory + (heldHere
                        ? " is already open in this process (pid " + ProcessHandle.current().pid() + ")"
                        : " is in use by another process (pid " + (pid < 0 ? "unknown" : pid) + ")")
                        + ", lock file " + file, storeDirectory, heldHere ? ProcessHandle.current().pid() : pid);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new StoreLock(channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already failing with the first error
                }
            }
            throw new StoreException("cannot lock store " + storeDirectory + ": " + PathProblem.describe(storeDirectory, e), e);
        }
    }

    private static long readPid(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        channel.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
