package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return open(directory, readOnly, maxSegmentBytes, listener, opener, StoreObserver.NONE);
    }

    static LogStore open(Path directory, boolean readOnly, long maxSegmentBytes, CorruptionListener listener,
                         ChannelOpener opener, StoreObserver observer) {
        SegmentFiles files = new SegmentFiles(directory);
        StoreLock lock = null;
        try {
            if (readOnly) {
                if (!Files.isDirectory(files.directory())) {
                    throw new StoreException("no Batchyard store at " + directory + (Files.isRegularFile(directory)
                            ? " (it is a file, not a directory)" : " (no segments/ directory)"));
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
            List<StoredBatch> dropped = new ArrayList<>();
            Canonicals canonicals = new Canonicals();
            Checkpoint.Snapshot snapshot = withoutMissingSegments(loadCheckpoint(directory, listener, canonicals), files,
                    ids, dropped);
            // without a checkpoint, guess from the log's size (a batch record is rarely under 1 KB):
            // growing from small would re-insert every batch several times, each a cache miss
            BatchIndex rebuilt = new BatchIndex(snapshot != null ? snapshot.batches().size()
                    : (int) Math.min(4_000_000, Math.max(1024, files.totalBytes() / 1024)));
            Path quarantine = directory.resolve("quarantine");
            Set<String> droppedIds = new HashSet<>();
            dropped.forEach(b -> droppedIds.add(b.id()));
            Replay replay = new Replay(files, quarantine, readOnly, listener, canonicals, droppedIds);
            replay.run(snapshot, ids, rebuilt);
            reportLost(files, quarantine, ids, dropped, replay, listener);
            long next = ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + 1;
            LogStore store = new LogStore(directory, files, lock, maxSegmentBytes, listener, next, readOnly, opener,
                    canonicals, rebuilt, snapshot == null ? next : snapshot.segmentId(), observer);
            if (!readOnly) {
                for (long damaged : replay.damagedSegments()) {
                    DamagedSegmentRescue.moveAside(store, damaged);
                }
            }
            return store;
        } catch (IOException e) {
            LogStore.closeQuietly(lock);
            throw new StoreException("cannot open store " + directory + ": " + PathProblem.describe(directory, e), e);
        } catch (RuntimeException e) {
            LogStore.closeQuietly(lock);
            throw e;
        }
    }

    private static Checkpoint.Snapshot loadCheckpoint(Path directory, CorruptionListener listener, Canonicals canonicals) {
        try {
            return Checkpoint.read(directory, canonicals);
        } catch (IOException e) {
            listener.found(directory.resolve(Checkpoint.FILE), 0, e.getMessage(), "ignored; the whole log is replayed");
            return null;
        }
    }

    /**
     * The checkpoint without the batches it places in segments that are gone or too short to hold
     * them (a cheap check on file sizes; damage inside is found when read). Compaction deletes
     * segments after the checkpoint was taken (their batches were copied forward and come back in
     * the replay); anything else gone is reported after the replay by {@link #reportLost}.
     */
    private static Checkpoint.Snapshot withoutMissingSegments(Checkpoint.Snapshot snapshot, SegmentFiles files,
                                                              List<Long> ids, List<StoredBatch> dropped) {
        if (snapshot == null) {
            return null;
        }
        Map<Long, Long> sizes = new HashMap<>();
        for (long id : ids) {
            sizes.put(id, files.path(id).toFile().length());
        }
        List<StoredBatch> kept = new ArrayList<>(snapshot.batches().size());
        for (StoredBatch b : snapshot.batches()) {
            Long size = sizes.get(b.location().segmentId());
            boolean whole = size != null && b.location().offset() + b.location().length() <= size;
            (whole ? kept : dropped).add(b);
        }
        return new Checkpoint.Snapshot(snapshot.segmentId(), snapshot.offset(), kept);
    }

    /** Batches whose only record was in a segment that is gone, and gaps in the segment sequence. */
    private static void reportLost(SegmentFiles files, Path quarantine, List<Long> ids, List<StoredBatch> dropped,
                                   Replay replay, CorruptionListener listener) {
        for (StoredBatch b : dropped) {
            if (!replay.touched(b.id())) {
                listener.found(files.path(b.location().segmentId()), b.location().offset(), "batch '" + b.id()
                        + "' was in this segment, which is missing or cut short", "lost: no other copy exists");
            }
        }
        for (int i = 1; i < ids.size(); i++) {
            for (long gap = ids.get(i - 1) + 1; gap < ids.get(i); gap++) {
                Path missing = files.path(gap);
                if (!Files.exists(quarantine.resolve(missing.getFileName()))) {
                    listener.found(missing, 0, "segment missing between " + ids.get(i - 1) + " and " + ids.get(i)
                            + " (deleted outside Batchyard?)", "batches whose only copy was in it are lost");
                }
            }
        }
    }
}
