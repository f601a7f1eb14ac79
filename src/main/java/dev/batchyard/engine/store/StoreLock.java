package dev.batchyard.engine.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
final class StoreLock implements Closeable {
    static final String FILE = "store.lock";
    private static final int PROBE_RETRIES = 5;

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
                lock = tryLock(channel);
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
            throw new StoreException("cannot lock store " + storeDirectory + ": " + PathProblem.describe(Disk.local(), storeDirectory, e), e);
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

    /**
     * The exclusive lock, or null when another process holds the file. A read-only view's
     * {@link #heldByAWriter} probe holds a shared lock for a moment: a few short retries keep a
     * writer starting at that moment from being refused.
     */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        for (int attempt = 0; ; attempt++) {
            FileLock lock = channel.tryLock();
            if (lock != null || attempt == PROBE_RETRIES) {
                return lock;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /**
     * Whether a writer holds the store now, in this process or another, asked without disturbing
     * it: in this JVM, {@link StoreClaims} knows; for another process, the OS refuses a shared lock
     * on {@code store.lock} while a writer holds its exclusive one. The probe holds a claim while its
     * channel is open, so no engine in this JVM takes the lock meanwhile (closing the probe's channel
     * would release it); one starting in that instant is refused as if the store were open here.
     * False when it cannot tell (no lock file, no permission to read it).
     */
    static boolean heldByAWriter(Path storeDirectory) {
        Path file = storeDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        StoreClaims.Claim claim;
        try {
            claim = StoreClaims.claim(storeDirectory);
        } catch (StoreLockedException e) {
            return true;
        } catch (StoreException e) {
            return false;
        }
        try (claim; FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
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
