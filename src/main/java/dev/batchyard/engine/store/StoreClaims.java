package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stores this JVM holds open for writing: the one piece of process-wide state in Batchyard.
 *
 * <p><b>Why it is static.</b> The writer's lock on {@code store.lock} is an OS record lock
 * (POSIX {@code fcntl}), and such a lock belongs to the process, not to the channel that took
 * it: closing <i>any</i> channel this process has on that file releases it. A second open of a
 * store in the same JVM must therefore be refused <i>before</i> it opens a channel on
 * {@code store.lock}; refusing after (when {@code tryLock} throws
 * {@code OverlappingFileLockException}) is too late, as closing that channel hands the store to
 * the next process that asks. Only a table every engine in the JVM consults can answer "is it
 * open here already?": engines are opened independently (two app windows, a CLI command, a test)
 * and share nothing else. The JDK keeps such a table itself, but consults it only once the
 * channel is open.
 *
 * <p>An entry is keyed by the directory's file key (device and inode where the OS has them, else
 * its real path), so {@code ./store}, an absolute path, a symlink or a bind mount of one store are
 * one entry. Thread-safe: {@link #claim} is atomic; a claim is given back by closing it.
 */
final class StoreClaims {
    private static final Set<Object> CLAIMED = ConcurrentHashMap.newKeySet();

    private StoreClaims() {
    }

    /** This process's hold on one store directory; closing it lets the next open in this JVM proceed. */
    static final class Claim implements AutoCloseable {
        private final Object key;
        private boolean released;

        private Claim(Object key) {
            this.key = key;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                CLAIMED.remove(key);
            }
        }
    }

    /**
     * Claims {@code storeDirectory} (which must exist) for this process.
     *
     * @throws StoreLockedException if an engine in this JVM already has it open for writing
     */
    static Claim claim(Path storeDirectory) {
        Object key = key(storeDirectory);
        if (!CLAIMED.add(key)) {
            long pid = ProcessHandle.current().pid();
            throw new StoreLockedException("store " + storeDirectory + " is already open in this process (pid " + pid
                    + "), lock file " + storeDirectory.resolve(StoreLock.FILE), storeDirectory, pid);
        }
        return new Claim(key);
    }

    /** Whether an engine in this JVM has {@code storeDirectory} open for writing. */
    static boolean claimedHere(Path storeDirectory) {
        return CLAIMED.contains(key(storeDirectory));
    }

    private static Object key(Path storeDirectory) {
        try {
            Object fileKey = Files.readAttributes(storeDirectory, BasicFileAttributes.class).fileKey();
            return fileKey != null ? fileKey : storeDirectory.toRealPath();
        } catch (IOException e) {
            throw new StoreException("cannot lock store " + storeDirectory + ": "
                    + PathProblem.describe(Disk.local(), storeDirectory, e), e);
        }
    }
}
