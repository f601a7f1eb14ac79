package dev.batchyard.engine.store;

import dev.batchyard.model.BatchState;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The store on disk: append-only segments of checksummed records (see {@link Frame},
 * {@link RecordCodec}, {@link SegmentHeader}), an in-memory index of metadata, a checkpoint of
 * that index, and compaction of old segments.
 *
 * <pre>
 * &lt;store&gt;/store.lock             the writer's OS lock and pid
 * &lt;store&gt;/segments/NNN….seg       the log, oldest first (format: SegmentHeader, Frame)
 * &lt;store&gt;/index.ckpt             the index as of a log position (format: Checkpoint)
 * &lt;store&gt;/quarantine/            damaged segments and cut tails, never deleted by Batchyard
 * </pre>
 *
 * <p><b>Guarantees.</b> A mutation ({@link #put}, {@link #update}, {@link #remove}, {@link #replace}) is decided and
 * ordered under the store's lock, and is durable when the call returns: after a crash at any
 * instant, reopening yields exactly the effects whose call returned, plus possibly some whose call
 * was still under way. The index may show a mutation a moment before it is durable; if the log
 * fails, the store stops accepting writes ({@link #healthy()} false) and the call throws.
 * <p><b>Compaction</b> rewrites the live batches of the <i>oldest</i> segment at the head of the
 * log, waits for that to be durable, and only then deletes the old file. Because only the oldest
 * segment is ever deleted, a REMOVE can never outlive the PUT it cancels, so nothing comes back.
 * <p><b>Threads.</b> Thread-safe. Every mutation of the index happens under the store's lock, which
 * is also the log's: a caller appends and waits for its group commit under one acquisition
 * ({@link LoggedIndex}). Reads never lock and never wait for the writer ({@link BatchIndex}).
 */
public final class LogStore implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LogStore.class);

    /** One applied mutation: the batch before and after, and the log ticket that makes it durable. */
    public record Change(StoredBatch before, StoredBatch after, long ticket) {
    }

    private final Path directory;
    private final SegmentFiles files;
    private final Path quarantineDirectory;
    private final SegmentReader reader;
    private final SegmentLog log;
    private final Closeable lock;
    private final long maxSegmentBytes;
    private final CorruptionListener listener;
    private final BatchIndex index;
    private final LoggedIndex logged;
    private final RecordReads reads;
    /** Held by whatever moves a whole segment (compaction, a rescue): one at a time. */
    private final Object segmentMoves = new Object();

    LogStore(Path directory, SegmentFiles files, Closeable lock, long maxSegmentBytes, CorruptionListener listener,
             long firstNewSegment, boolean readOnly, Canonicals canonicals, BatchIndex index,
             long checkpointSegment, StoreObserver observer) {
        ReentrantLock mutex = new ReentrantLock(); // the log's lock, and the index's (see LoggedIndex)
        this.index = index;
        this.directory = directory;
        this.files = files;
        this.quarantineDirectory = directory.resolve("quarantine");
        this.reader = new SegmentReader(files);
        this.lock = lock;
        this.maxSegmentBytes = maxSegmentBytes;
        this.listener = listener;
        this.log = readOnly ? null : new SegmentLog(files, firstNewSegment, maxSegmentBytes, mutex, observer);
        this.logged = new LoggedIndex(directory, files.disk(), log, mutex, index, canonicals, checkpointSegment);
        this.reads = new RecordReads(this, index, log, new BatchQuarantine(this));
    }

    /**
     * Opens the store in {@code directory}, creating it if needed, replaying the log, cutting a torn
     * tail and rescuing damaged segments. Read-only mode takes no lock, changes no file, and refuses
     * mutations: for browsing a store another process holds, and for {@code verify}.
     */
    public static LogStore open(Path directory, boolean readOnly, long maxSegmentBytes, CorruptionListener listener) {
        return open(directory, readOnly, maxSegmentBytes, listener, Disk.local(), StoreObserver.NONE);
    }

    /** As above, telling {@code observer} how long the log's durable writes take. */
    public static LogStore open(Path directory, boolean readOnly, long maxSegmentBytes, CorruptionListener listener,
                                StoreObserver observer) {
        return open(directory, readOnly, maxSegmentBytes, listener, Disk.local(), observer);
    }

    /** As {@link #open(Path, boolean, long, CorruptionListener)}, on {@code disk} (tests simulate power loss there). */
    public static LogStore open(Path directory, boolean readOnly, long maxSegmentBytes, CorruptionListener listener,
                                Disk disk) {
        return open(directory, readOnly, maxSegmentBytes, listener, disk, StoreObserver.NONE);
    }

    /** As above, on {@code disk}, telling {@code observer} how long the log's durable writes take. */
    public static LogStore open(Path directory, boolean readOnly, long maxSegmentBytes, CorruptionListener listener,
                                Disk disk, StoreObserver observer) {
        return StoreOpening.open(directory, readOnly, maxSegmentBytes, listener, disk, observer);
    }

    // ---- mutations: each is durable when it returns -------------------------------------------

    /**
     * Appends a new batch; refuses an id already stored, a batch over the limits' size for one
     * ({@link BatchTooLargeException}), or one the store has no room for ({@link
     * dev.batchyard.engine.store.BackPressureException}). A refused batch leaves nothing in the log.
     */
    public Change put(StoreRecord.Put put, StoreLimits limits) {
        return logged.put(put, frameWithin(put, limits), limits);
    }

    /**
     * As {@link #put}, answering once the batch is durable instead of waiting for it: refusals are
     * thrown here, with nothing appended; the future completes on the log's writer thread right after
     * the group commit that makes the batch durable (so what runs on it must not block), or fails with
     * the {@link StoreException} that stopped the log first. Until it completes the batch is in the
     * index but must not be taken as stored by whoever put it.
     */
    public CompletableFuture<Change> putAsync(StoreRecord.Put put, StoreLimits limits) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        Change change = logged.putThen(put, frameWithin(put, limits), limits, failure -> {
            if (failure == null) {
                durable.complete(null);
            } else {
                durable.completeExceptionally(failure);
            }
        });
        return durable.thenApply(forced -> change);
    }

    /** The batch's frame, checksummed outside the lock (other writers go on), or refused over the size limit. */
    private Frame.Encoded frameWithin(StoreRecord.Put put, StoreLimits limits) {
        Frame.Encoded frame = Frame.encode(put);
        if (frame.length() > limits.maxBatchBytes()) {
            throw new BatchTooLargeException("batch '" + put.id() + "' is " + frame.length() + " bytes as stored, over "
                    + "the limit of " + limits.maxBatchBytes() + " bytes (persistence.max_batch_bytes) in " + directory
                    + "; it was not stored: split it into smaller batches", put.id(), frame.length(),
                    limits.maxBatchBytes());
        }
        return frame;
    }

    /** How many bytes {@code put} takes as stored: what {@code persistence.max_batch_bytes} limits. */
    public static long recordBytes(StoreRecord.Put put) {
        return Frame.encodePart(put).length();
    }

    /** Appends a new batch into a store of at most {@code maxBatches} batches. */
    public Change put(StoreRecord.Put put, int maxBatches) {
        return put(put, StoreLimits.ofBatches(maxBatches));
    }

    /** Replaces a batch's metadata with {@code change(current)}; the function may throw to refuse. */
    public Change update(String id, UnaryOperator<BatchMeta> change) {
        return logged.update(id, change);
    }

    /**
     * As {@link #update}, returning before the change is durable: it is appended to the log and in the
     * index, and durable once {@link #awaitDurable} of its ticket returns. For an action on many batches,
     * which then waits once for all its changes (a group commit or a few) instead of once for each. Until
     * then the change may still be lost to a crash, so nothing may act on it as stored: the caller holds
     * the batch against the recovery loop, and announces the change only after the wait.
     */
    public Change updateWithoutWaiting(String id, UnaryOperator<BatchMeta> change) {
        return logged.updateWithoutWaiting(id, change);
    }

    /**
     * Returns once the change with {@code ticket}, and every change appended before it, is on stable
     * storage; at once for ticket 0 (nothing was appended).
     *
     * @throws StoreException if the log stopped first: the change must then not be taken as made
     */
    public void awaitDurable(long ticket) {
        logged.awaitTicket(ticket);
    }

    public Change remove(String id, RemovalCause cause, String reason) {
        return logged.remove(id, cause, reason);
    }

    /**
     * Replaces stored batches by new ones in one durable, atomic change (a split or merge): after a
     * crash at any instant the store holds either all of {@code expected} or all of {@code added},
     * never both, never neither. Each batch named in {@code expected} must still be stored with
     * exactly that metadata ({@link BatchChangedException}, {@link UnknownBatchException}
     * otherwise); each new batch must fit {@code limits}' size for one ({@link BatchTooLargeException})
     * and have an id not taken by another batch ({@link DuplicateBatchException}; a batch being
     * replaced may give its id to a new one). The store's batch and byte limits are not applied:
     * the change adds no entries, and an operator repairing a full store must be able to.
     *
     * @return the removals (before, null) in the order of {@code expected}, then the new batches
     */
    public List<Change> replace(Map<String, BatchMeta> expected, List<StoreRecord.Put> added, RemovalCause cause,
                                String reason, StoreLimits limits) {
        List<Frame.Encoded> frames = new ArrayList<>();
        for (StoreRecord.Put put : added) {
            Frame.Encoded frame = Frame.encodePart(put);
            if (frame.length() > limits.maxBatchBytes()) {
                throw new BatchTooLargeException("batch '" + put.id() + "' would be " + frame.length() + " bytes as stored,"
                        + " over the limit of " + limits.maxBatchBytes() + " bytes (persistence.max_batch_bytes) in "
                        + directory + "; nothing was changed", put.id(), frame.length(), limits.maxBatchBytes());
            }
            frames.add(frame);
        }
        return logged.replace(new LinkedHashMap<>(expected), List.copyOf(added), frames, cause, reason);
    }

    // ---- reads -----------------------------------------------------------------------------

    public Optional<StoredBatch> get(String id) {
        return Optional.ofNullable(index.get(id));
    }

    public Collection<StoredBatch> all() {
        return index.values();
    }

    public int size() {
        return index.size();
    }

    /**
     * How many batches are stored in {@code state}, discarded ones not counted (kept up to date as
     * they change: no pass over the index).
     */
    public int count(BatchState state) {
        return index.count(state);
    }

    /** How many discarded batches are kept for their undo window. */
    public int countDiscarded() {
        return index.countDiscarded();
    }

    /** Live (not discarded) batches per sink, sinks without any left out; no pass over the index. */
    public Map<String, Integer> countBySink() {
        return index.countBySink();
    }

    /** Entries in the live (not discarded) batches; no pass over the index. */
    public long liveEntries() {
        return index.liveEntries();
    }

    /**
     * The oldest live (not discarded) batch's creation time, or null when there is none. Kept as batches come and
     * go; after the oldest leaves, the next call passes over the index once.
     */
    public java.time.OffsetDateTime oldestCreated() {
        return index.oldestCreated();
    }

    /** The encoded entries of a batch, read from disk and checksum-verified. */
    public Optional<byte[]> readEntries(String id) {
        return readRecord(id).map(StoreRecord.Put::entries);
    }

    /**
     * The batch's whole record (entries and extras), read from disk and checksum-verified
     * ({@link RecordReads}).
     *
     * @throws DamagedBatchException when the record's bytes are damaged: the batch has been set
     *         aside ({@link BatchQuarantine}), or, read-only, left in place; either way reported
     * @throws StoreChangedException in a read-only view, when the writer has moved the batch since
     *         the view was opened (compaction deleted its segment)
     */
    public Optional<StoreRecord.Put> readRecord(String id) {
        return reads.read(id);
    }

    public long liveBytes() {
        return logged.liveBytes();
    }

    /** Bytes of all segment files, or -1 if the directory cannot be read. */
    public long diskBytes() {
        return files.totalBytes();
    }

    public boolean healthy() {
        return log != null && !log.failed();
    }

    /** Why the store stopped accepting writes, or empty. */
    public String failure() {
        return log == null ? "opened read-only" : log.failureMessage();
    }

    public boolean readOnly() {
        return log == null;
    }

    public Path directory() {
        return directory;
    }

    /** The disk the store works on, for files kept beside it (the audit trail). */
    public Disk disk() {
        return files.disk();
    }

    // ---- maintenance -----------------------------------------------------------------------

    /**
     * Compacts the oldest sealed segment if little of it is live, or if the whole store holds much
     * more garbage than live data.
     *
     * @return the result, or empty when nothing was worth doing
     */
    public Optional<Compaction.Result> compactOldest() {
        return new Compaction(this).runOnce();
    }

    /**
     * Every segment file, oldest first, with its size and live bytes (what compaction weighs); a
     * segment compacted away while this reads is left out.
     *
     * @throws StoreException when the directory cannot be listed
     */
    public List<SegmentUsage> segments() {
        long active = log == null ? -1 : log.activeSegment();
        List<SegmentUsage> out = new ArrayList<>();
        try {
            for (long id : files.list()) {
                long size;
                try {
                    size = files.disk().size(files.path(id));
                } catch (NoSuchFileException gone) {
                    continue;
                }
                out.add(new SegmentUsage(id, size, logged.liveBytes(id), id == active));
            }
        } catch (IOException e) {
            throw new StoreException("listing the segments of " + directory + " failed: " + e, e);
        }
        return out;
    }

    /** How many segments were started since the last checkpoint (a measure of replay work). */
    public long segmentsSinceCheckpoint() {
        return logged.segmentsSinceCheckpoint();
    }

    /** Writes a checkpoint of the index as of everything durable now. */
    public void checkpoint() {
        logged.checkpoint();
    }

    @Override
    public void close() {
        close(true);
    }

    /**
     * Closes as a process death leaves the store: the writer finishes the group under way, and no
     * checkpoint is written, so the next open replays the log from the last checkpoint. Nothing
     * acknowledged is at risk (every returned change is already durable); the trainer's crash event
     * uses it so that its restart is a real replay.
     */
    public void closeWithoutCheckpoint() {
        close(false);
    }

    private void close(boolean withCheckpoint) {
        if (log != null) {
            log.close();
            if (withCheckpoint && !log.failed()) {
                try {
                    checkpoint();
                } catch (StoreException e) {
                    LOG.warn("{}; the next open replays the log instead", e.getMessage());
                }
            }
        }
        reader.close();
        closeQuietly(lock);
    }

    // ---- package: compaction and rescue --------------------------------------------------------

    LoggedIndex logged() {
        return logged;
    }

    SegmentFiles files() {
        return files;
    }

    SegmentReader reader() {
        return reader;
    }

    long maxSegmentBytes() {
        return maxSegmentBytes;
    }

    long activeSegment() {
        return log.activeSegment();
    }

    /** Once a segment is gone: its live bytes and its open reader go too. */
    void forgetSegment(long segmentId) {
        logged.forgetSegment(segmentId);
        reader.release(segmentId);
    }

    /** Batches whose record lies in {@code segmentId}. */
    List<StoredBatch> batchesIn(long segmentId) {
        return index.values().stream().filter(b -> b.segmentId() == segmentId).toList();
    }

    CorruptionListener listener() {
        return listener;
    }

    Path quarantine() {
        return quarantineDirectory;
    }

    Object segmentMoves() {
        return segmentMoves;
    }

    /** Makes {@code segmentId} a sealed segment, all of it durable, if it is the one being appended to. */
    void seal(long segmentId) {
        if (log.activeSegment() == segmentId) {
            log.roll();
        }
        log.awaitDurable(log.lastSequence());
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // releasing on the way out of a failure that is already being reported
            }
        }
    }
}
