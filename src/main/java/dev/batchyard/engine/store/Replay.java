package dev.batchyard.engine.store;

import dev.batchyard.model.DamageKind;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the index at open: the checkpoint (if sound) plus every record after it, applied in log
 * order. Records are "set" operations (a PUT sets a whole batch, a META its metadata, a REMOVE
 * drops it, a COMMIT makes the PARTs before it live and drops the batches they replace), so replaying a record the checkpoint already reflects is harmless, and a META whose
 * batch is unknown (its PUT was compacted forward) is skipped.
 *
 * <p>An empty newest segment (created, then the store stopped before its header was written) held
 * no record: it is removed, and not reported. Zeros after the newest segment's last record are the
 * unwritten end of the segment the store was writing when it stopped (pre-written, or grown by a
 * write a crash did not finish): a writable open cuts them, not reported either; zeros at the end of
 * an older segment are damage.
 *
 * <p>Damage: a bad tail of the newest segment is a torn write, cut off at the last valid record
 * (the cut bytes are copied to {@code quarantine/} first); in a read-only view beside a live
 * writer it is the record being written, left out and not reported. Any other damage is reported with file
 * and offset, every valid record around it is still applied, and the segment is listed in
 * {@link #damagedSegments()} for the store to rescue its live batches and move it aside.
 */
final class Replay {
    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private final SegmentFiles files;
    private final Canonicals canonicals;
    private final Path quarantine;
    private final boolean readOnly;
    private final boolean writerLive;
    private final CorruptionListener listener;
    private final Set<Long> damaged = new TreeSet<>();
    private boolean newestRemoved;
    private final Set<String> watched;
    private final Set<String> touched = new HashSet<>();
    /** Batches of a split or merge whose commit has not been read (yet): a crash before it leaves them out. */
    private final Map<String, StoredBatch> parts = new HashMap<>();

    /**
     * @param watched the ids whose replayed records {@link #touched} must answer for: the batches the
     *                checkpoint placed in segments that are gone (only those can be reported lost,
     *                so a full replay of a million batches keeps no set of them all)
     */
    Replay(SegmentFiles files, Path quarantine, boolean readOnly, boolean writerLive, CorruptionListener listener,
           Canonicals canonicals, Set<String> watched) {
        this.writerLive = writerLive;
        this.watched = watched;
        this.canonicals = canonicals;
        this.files = files;
        this.quarantine = quarantine;
        this.readOnly = readOnly;
        this.listener = listener;
    }

    /** Fills {@code index} from {@code snapshot} (may be null) and the segments {@code ids}. */
    void run(Checkpoint.Snapshot snapshot, List<Long> ids, BatchIndex index) throws IOException {
        long startSegment = snapshot == null ? Long.MIN_VALUE : snapshot.segmentId();
        long startOffset = snapshot == null ? 0 : snapshot.offset();
        if (snapshot != null) {
            snapshot.batches().forEach(index::put);
        }
        BatchDecoder puts = new BatchDecoder(canonicals);
        long last = ids.isEmpty() ? -1 : ids.get(ids.size() - 1);
        for (long id : ids) {
            if (id < startSegment) {
                continue;
            }
            SegmentScanner.Outcome outcome = SegmentScanner.scan(files.disk(), files.path(id), id,
                    (segment, offset, length, type, buf, from, payloadLength) -> {
                        if (segment != startSegment || offset >= startOffset) {
                            if (type == RecordCodec.PUT) {
                                // the common record, a million times in a long log: straight to the index
                                StoredBatch batch = puts.put(new BinaryReader(buf, from, payloadLength), segment,
                                        offset, length);
                                note(batch.id());
                                index.put(batch);
                            } else if (type == RecordCodec.PART) {
                                // live only if its commit follows
                                StoredBatch batch = puts.put(new BinaryReader(buf, from, payloadLength), segment,
                                        offset, length);
                                parts.put(batch.id(), batch);
                            } else {
                                StoreRecord record = RecordCodec.decode(type, buf, from, payloadLength, false);
                                note(record.id());
                                apply(index, record);
                            }
                        }
                    });
            handleDamage(id, id == last, outcome);
        }
    }

    Set<Long> damagedSegments() {
        return damaged;
    }

    /**
     * Whether the newest segment was removed (empty, or its header torn: it held no record), so its
     * id is free: the log goes on in it, leaving no gap for the next open to take for a lost segment.
     */
    boolean newestRemoved() {
        return newestRemoved;
    }

    /** Whether any replayed record (after the checkpoint) concerns {@code id}, one of the watched ids. */
    boolean touched(String id) {
        return touched.contains(id);
    }

    private void note(String id) {
        if (watched.contains(id)) {
            touched.add(id);
        }
    }

    /** A metadata update, a removal or the commit of a split or merge. */
    private void apply(BatchIndex index, StoreRecord record) {
        if (record instanceof StoreRecord.Commit commit) {
            commit(index, commit);
        } else if (record instanceof StoreRecord.MetaUpdate update) {
            StoredBatch b = index.get(update.id());
            if (b != null) {
                index.put(b.withMeta(canonicals.meta(update.meta())));
            }
        } else {
            index.remove(record.id());
        }
    }

    /**
     * The parts of a split or merge go live and the batches they replace leave. A part whose record
     * is missing was either moved on by compaction (then the batches it replaced are gone too, and
     * the part's rewrite comes later in the log) or lost to damage: then, while a replaced batch is
     * still here, the commit is not applied, so the old batches stay whole rather than half replaced.
     */
    private void commit(BatchIndex index, StoreRecord.Commit commit) {
        commit.removed().forEach(this::note);
        commit.added().forEach(this::note);
        List<StoredBatch> live = new ArrayList<>();
        boolean missing = false;
        for (String id : commit.added()) {
            StoredBatch part = parts.remove(id);
            if (part == null) {
                missing = true;
            } else {
                live.add(part);
            }
        }
        boolean replacedStillHere = commit.removed().stream().anyMatch(index::containsKey);
        if (missing && replacedStillHere) {
            LOG.warn("the commit of a split or merge of {} into {} names a batch whose record was not found: the old "
                    + "batches are kept as they were", commit.removed(), commit.added());
            return;
        }
        commit.removed().forEach(index::remove);
        live.forEach(index::put);
    }

    private void handleDamage(long id, boolean newest, SegmentScanner.Outcome outcome) throws IOException {
        if (outcome.clean()) {
            if (outcome.validEnd() < outcome.fileSize()) {
                zerosAtTheEnd(id, newest, outcome);
            }
            return;
        }
        Disk disk = files.disk();
        Path file = files.path(id);
        boolean onlyTornTail = newest && outcome.damagedTail() && outcome.damage().size() == 1;
        if (onlyTornTail && outcome.damage().get(0).length() == 0) {
            // a segment being created when the store stopped, before its header was written (empty, or
            // all zeros): the header is forced before any record goes in, so no record was ever here; not damage
            if (!readOnly) {
                disk.delete(file);
                files.syncDirectory();
                newestRemoved = true;
                LOG.info("{} was empty (created when the store stopped, before anything was written to it): removed",
                        file);
            }
            return;
        }
        if (onlyTornTail) {
            SegmentScanner.Damage tail = outcome.damage().get(0);
            long cut = tail.length(); // the zeros of a pre-written segment after it are not counted
            if (readOnly && writerLive) {
                return; // not torn: the record the live writer is writing now, outside this view
            }
            if (readOnly) {
                listener.found(StoreDamage.of(DamageKind.TORN_TAIL, file, tail.offset(),
                        "torn write at the end: " + tail.detail() + " (" + cut + " bytes)", "read-only: left in place"));
                return;
            }
            Path kept = quarantine.resolve(file.getFileName() + ".tail-" + outcome.validEnd());
            String keptWhere = "the bytes are kept in " + kept;
            try {
                copyRange(disk, file, outcome.validEnd(), cut, kept);
                disk.syncDirectory(quarantine); // the copy's name, before the cut below makes it the only one
            } catch (IOException e) {
                // a torn write was never acknowledged: cutting it loses nothing promised, and on a
                // full disk a copy may be impossible; say so instead of refusing to open
                disk.deleteIfExists(kept);
                keptWhere = "no copy could be kept (" + e.getMessage() + ")";
            }
            if (outcome.validEnd() < SegmentHeader.SIZE) {
                disk.delete(file);
                newestRemoved = true;
            } else {
                try (FileChannel ch = disk.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(outcome.validEnd());
                    ch.force(true);
                }
            }
            files.syncDirectory();
            listener.found(StoreDamage.of(DamageKind.TORN_TAIL, file, tail.offset(),
                    "torn write at the end: " + tail.detail() + " (" + cut + " bytes)", "cut off; " + keptWhere));
            return;
        }
        for (SegmentScanner.Damage d : outcome.damage()) {
            listener.found(StoreDamage.of(DamageKind.DAMAGED_RECORDS, file, d.offset(),
                    d.detail() + " (" + d.length() + " bytes)", readOnly ? "read-only: left in place"
                            : "valid records around it recovered; segment kept aside in " + quarantine));
        }
        damaged.add(id);
    }

    private static void copyRange(Disk disk, Path file, long from, long length, Path target) throws IOException {
        try (FileChannel in = disk.open(file, StandardOpenOption.READ);
             FileChannel out = disk.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            long end = Math.min(in.size(), from + length);
            long pos = from;
            while (pos < end) {
                pos += in.transferTo(pos, end - pos, out);
            }
            out.force(true);
        }
    }

    /**
     * Zeros after a segment's last record. In the newest segment they are the unwritten rest of a
     * pre-written one the store was writing when it stopped: a writable open cuts them, durably, before
     * a newer segment can exist. In an older one they are damage: the writer cuts a segment to its
     * records, durably, before it starts the next, so zeros there stand where records were.
     */
    private void zerosAtTheEnd(long id, boolean newest, SegmentScanner.Outcome outcome) throws IOException {
        Path file = files.path(id);
        long zeros = outcome.fileSize() - outcome.validEnd();
        if (newest) {
            if (!readOnly) {
                try (FileChannel ch = files.disk().open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(outcome.validEnd());
                    ch.force(true);
                }
                LOG.info("{}: cut the zeros after its last record ({} B): the unwritten end of the segment the store "
                        + "was writing when it stopped", file, zeros);
            }
            return;
        }
        listener.found(StoreDamage.of(DamageKind.DAMAGED_RECORDS, file, outcome.validEnd(), "zeros where records "
                + "should be, to the end of the segment (" + zeros + " bytes)", readOnly ? "read-only: left in place"
                : "valid records before them recovered; segment kept aside in " + quarantine));
        damaged.add(id);
    }
}
