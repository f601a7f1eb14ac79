package dev.batchyard.engine.store;

import dev.batchyard.model.DamageKind;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
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
 * {@link CorruptionListener}; only a store that cannot be read at all throws. A read-only open
 * takes no lock and changes nothing; beside a live writer it starts again if the writer deletes a
 * segment it was reading, and does not take the record being written for a torn one.
 */
final class StoreOpening {
    private static final int READ_ONLY_ATTEMPTS = 5;

    private StoreOpening() {
    }

    static LogStore open(Path directory, boolean readOnly, long maxSegmentBytes, CorruptionListener listener,
                         Disk disk) {
        return open(directory, readOnly, maxSegmentBytes, listener, disk, StoreObserver.NONE);
    }

    /** @param observer told how long the log's durable writes take (a read-only store writes none) */
    static LogStore open(Path directory, boolean readOnly, long maxSegmentBytes, CorruptionListener listener,
                         Disk disk, StoreObserver observer) {
        SegmentFiles files = new SegmentFiles(directory, disk);
        return readOnly ? openReadOnly(directory, files, maxSegmentBytes, listener)
                : openWritable(directory, files, maxSegmentBytes, listener, observer);
    }

    private static LogStore openWritable(Path directory, SegmentFiles files, long maxSegmentBytes,
                                         CorruptionListener listener, StoreObserver observer) {
        Disk disk = files.disk();
        Closeable lock = null;
        try {
            disk.createDirectories(files.directory());
            disk.createDirectories(directory.resolve("quarantine"));
            lock = disk.lock(directory);
            disk.deleteIfExists(SpareSegment.path(files)); // a spare a crash left: a new one is written when needed
            Built built = build(directory, files, lock, maxSegmentBytes, listener, listener, false, false, observer);
            for (long damaged : built.damagedSegments()) {
                DamagedSegmentRescue.moveAside(built.store(), damaged);
            }
            return built.store();
        } catch (IOException e) {
            LogStore.closeQuietly(lock);
            throw new StoreException("cannot open store " + directory + ": " + PathProblem.describe(disk, directory, e), e);
        } catch (RuntimeException e) {
            LogStore.closeQuietly(lock);
            throw e;
        }
    }

    /**
     * A view of the store as of one moment, beside a writer that may be compacting: if a segment it
     * read goes away during the open, the open starts again (what it found is reported only for
     * the attempt that succeeds), up to {@value #READ_ONLY_ATTEMPTS} times.
     */
    private static LogStore openReadOnly(Path directory, SegmentFiles files, long maxSegmentBytes,
                                         CorruptionListener listener) {
        Disk disk = files.disk();
        if (!disk.isDirectory(files.directory())) {
            throw new StoreException("no Batchyard store at " + directory + (disk.exists(directory)
                    && !disk.isDirectory(directory) ? " (it is a file, not a directory)" : " (no segments/ directory)"));
        }
        boolean writerLive = disk.heldByAWriter(directory);
        for (int attempt = 1; attempt <= READ_ONLY_ATTEMPTS; attempt++) {
            List<StoreDamage> found = new ArrayList<>();
            try {
                Built built = build(directory, files, null, maxSegmentBytes, listener, found::add, true, writerLive,
                        StoreObserver.NONE);
                if (files.list().containsAll(built.segments())) {
                    found.forEach(listener::found);
                    return built.store();
                }
                built.store().close(); // a segment went while it was read: another go
            } catch (NoSuchFileException e) {
                // the writer deleted a segment between the listing and the reading: another go
            } catch (IOException e) {
                throw new StoreException("cannot open store " + directory + ": " + PathProblem.describe(disk, directory, e),
                        e);
            }
        }
        throw new StoreChangedException("store " + directory + " kept changing while a read-only view of it was opened "
                + "(its writer is compacting it): " + READ_ONLY_ATTEMPTS + " attempts; open it again", directory);
    }

    /**
     * The store as the checkpoint and the log describe it; damage goes to {@code reports}, and
     * {@code listener} is the store's for later.
     *
     * @param writerLive a read-only view beside a live writer: an incomplete last record is one being
     *                   written, not damage
     */
    private static Built build(Path directory, SegmentFiles files, Closeable lock, long maxSegmentBytes,
                               CorruptionListener listener, CorruptionListener reports, boolean readOnly,
                               boolean writerLive, StoreObserver observer) throws IOException {
        for (Path stranger : files.strangers()) {
            reports.found(StoreDamage.of(DamageKind.UNKNOWN_FILE, stranger, 0, "not a segment file",
                    "left alone"));
        }
        Canonicals canonicals = new Canonicals();
        // the checkpoint before the listing: every segment it names was there when it was written
        Checkpoint.Snapshot checkpoint = loadCheckpoint(files.disk(), directory, reports, canonicals);
        List<Long> ids = files.list();
        List<StoredBatch> dropped = new ArrayList<>();
        Checkpoint.Snapshot snapshot = withoutMissingSegments(checkpoint, files, ids, dropped);
        // without a checkpoint, guess from the log's size (a batch record is rarely under 1 KB):
        // growing from small would re-insert every batch several times, each a cache miss
        BatchIndex rebuilt = new BatchIndex(snapshot != null ? snapshot.batches().size()
                : (int) Math.min(4_000_000, Math.max(1024, files.totalBytes() / 1024)));
        Path quarantine = directory.resolve("quarantine");
        Set<String> droppedIds = new HashSet<>();
        dropped.forEach(b -> droppedIds.add(b.id()));
        Replay replay = new Replay(files, quarantine, readOnly, writerLive, reports, canonicals, droppedIds);
        replay.run(snapshot, ids, rebuilt);
        reportLost(files, quarantine, ids, dropped, replay, reports);
        // a newest segment the replay removed held no record: the log goes on under its id (a gap
        // would be taken for a lost segment at the next open)
        long next = ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + (replay.newestRemoved() ? 0 : 1);
        LogStore store = new LogStore(directory, files, lock, maxSegmentBytes, listener, next, readOnly, canonicals,
                rebuilt, snapshot == null ? next : snapshot.segmentId(), observer);
        return new Built(store, ids, replay.damagedSegments());
    }

    /** A store just built, the segments it was built from, and those found damaged. */
    private record Built(LogStore store, List<Long> segments, Set<Long> damagedSegments) {
    }

    private static Checkpoint.Snapshot loadCheckpoint(Disk disk, Path directory, CorruptionListener listener,
                                                      Canonicals canonicals) {
        try {
            return Checkpoint.read(disk, directory, canonicals);
        } catch (IOException e) {
            listener.found(StoreDamage.of(DamageKind.CHECKPOINT_IGNORED, directory.resolve(Checkpoint.FILE), 0,
                    e.getMessage(), "ignored; the whole log is replayed"));
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
                                                              List<Long> ids, List<StoredBatch> dropped)
            throws IOException {
        if (snapshot == null) {
            return null;
        }
        Map<Long, Long> sizes = new HashMap<>();
        for (long id : ids) {
            sizes.put(id, files.disk().size(files.path(id)));
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
                listener.found(StoreDamage.ofBatch(DamageKind.BATCH_LOST, files.path(b.location().segmentId()),
                        b.location().offset(), b.id(), "batch '" + b.id()
                        + "' was in this segment, which is missing or cut short", "lost: no other copy exists"));
            }
        }
        for (int i = 1; i < ids.size(); i++) {
            for (long gap = ids.get(i - 1) + 1; gap < ids.get(i); gap++) {
                Path missing = files.path(gap);
                if (!files.disk().exists(quarantine.resolve(missing.getFileName()))) {
                    listener.found(StoreDamage.of(DamageKind.SEGMENT_MISSING, missing, 0, "segment missing between "
                            + ids.get(i - 1) + " and " + ids.get(i) + " (deleted outside Batchyard?)",
                            "batches whose only copy was in it are lost"));
                }
            }
        }
    }
}
