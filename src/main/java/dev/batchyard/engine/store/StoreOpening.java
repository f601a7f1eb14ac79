package dev.batchyard.engine.store;

import dev.batchyard.engine.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opening a {@link LogStore}: directories, the lock, the checkpoint (if sound), the replay of the
 * log after it, and the rescue of damaged segments. Everything found wrong goes to the
 * {@link CorruptionListener}; only a store that cannot be read at all throws.
 */
final class StoreOpening {
    private StoreOpening() {
    }

    static LogStore open(Path directory, boolean readOnly, long maxSegmentBytes, CorruptionListener listener,
                         ChannelOpener opener) {
        SegmentFiles files = new SegmentFiles(directory);
        StoreLock lock = null;
        try {
            if (readOnly) {
                if (!Files.isDirectory(files.directory())) {
                    throw new StoreException("no Batchyard store at " + directory + " (no segments/ directory)");
                }
            } else {
                Files.createDirectories(files.directory());
                Files.createDirectories(directory.resolve("quarantine"));
                lock = StoreLock.acquire(directory);
            }
            for (Path stranger : files.strangers()) {
                listener.found(stranger, 0, "not a segment file", "left alone");
            }
            List<Long> ids = files.list();
            Checkpoint.Snapshot snapshot = loadCheckpoint(directory, ids, listener);
            Map<String, StoredBatch> rebuilt = new HashMap<>();
            Replay replay = new Replay(files, directory.resolve("quarantine"), readOnly, listener);
            replay.run(snapshot, ids, rebuilt);
            long next = ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + 1;
            LogStore store = new LogStore(directory, files, lock, maxSegmentBytes, listener, next, readOnly, opener);
            store.putAllRecovered(rebuilt, snapshot == null ? next : snapshot.segmentId());
            if (!readOnly) {
                for (long damaged : replay.damagedSegments()) {
                    DamagedSegmentRescue.moveAside(store, damaged);
                }
            }
            return store;
        } catch (IOException e) {
            LogStore.closeQuietly(lock);
            throw new StoreException("cannot open store " + directory + ": " + e, e);
        } catch (RuntimeException e) {
            LogStore.closeQuietly(lock);
            throw e;
        }
    }

    private static Checkpoint.Snapshot loadCheckpoint(Path directory, List<Long> ids, CorruptionListener listener) {
        try {
            Checkpoint.Snapshot snapshot = Checkpoint.read(directory);
            if (snapshot != null) {
                for (StoredBatch b : snapshot.batches()) {
                    if (!ids.contains(b.location().segmentId())) {
                        listener.found(directory.resolve(Checkpoint.FILE), 0, "names segment " + b.location().segmentId()
                                + " which is not on disk", "ignored; the whole log is replayed");
                        return null;
                    }
                }
            }
            return snapshot;
        } catch (IOException e) {
            listener.found(directory.resolve(Checkpoint.FILE), 0, e.getMessage(), "ignored; the whole log is replayed");
            return null;
        }
    }
}
