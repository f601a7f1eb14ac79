package dev.batchyard.engine.store;

import dev.batchyard.engine.StoreException;
import dev.batchyard.engine.StoreLockedException;
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
 *
 * <p>Within one JVM the lock is guarded by a {@link StoreClaims} claim, taken before any channel
 * to {@code store.lock} is opened: the OS lock belongs to the process, and closing any channel
 * this process has on the file would release it (see {@link StoreClaims} for why).
 */
final class StoreLock implements AutoCloseable {
    static final String FILE = "store.lock";

    private final StoreClaims.Claim claim;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(StoreClaims.Claim claim, FileChannel channel, FileLock lock) {
        this.claim = claim;
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path storeDirectory) {
        Path file = storeDirectory.resolve(FILE);
        StoreClaims.Claim claim = StoreClaims.claim(storeDirectory); // before the channel: see StoreClaims
        FileChannel channel = null;
        try {
            channel = OwnerOnlyFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // the claim makes this impossible unless something outside Batchyard locked the file in this JVM
                throw new StoreException("store " + storeDirectory + ": " + file
                        + " is locked by other code in this process (not a Batchyard engine)", e);
            }
            if (lock == null) {
                long pid = readPid(channel);
                throw new StoreLockedException("store " + storeDirectory + " is in use by another process (pid "
                        + (pid < 0 ? "unknown" : pid) + "), lock file " + file, storeDirectory, pid);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new StoreLock(claim, channel, lock);
        } catch (IOException e) {
            closeAfterFailure(channel, claim);
            throw new StoreException("cannot lock store " + storeDirectory + ": " + PathProblem.describe(storeDirectory, e), e);
        } catch (RuntimeException e) {
            closeAfterFailure(channel, claim);
            throw e;
        }
    }

    /** Gives up a lock never taken: the channel first, then the claim (in that order, see {@link #close}). */
    private static void closeAfterFailure(FileChannel channel, StoreClaims.Claim claim) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing with the first error
            }
        }
        claim.close();
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

    /** Releases the OS lock and closes the channel, and only then the claim: no other engine here opens the file before. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            claim.close();
        }
    }
}
