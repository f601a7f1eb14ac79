package dev.batchyard.engine.store;

import dev.batchyard.engine.BackPressureException;
import dev.batchyard.engine.StoreException;
import dev.batchyard.engine.UnknownBatchException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
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
 * <p><b>Guarantees.</b> A mutation ({@link #put}, {@link #update}, {@link #remove}) is decided and
 * ordered under the store's lock, and is durable when the call returns: after a crash at any
 * instant, reopening yields exactly the effects whose call returned, plus possibly some whose call
 * was still under way. The index may show a mutation a moment before it is durable; if the log
 * fails, the store stops accepting writes ({@link #healthy()} false) and the call throws.
 * <p><b>Compaction</b> rewrites the live batches of the <i>oldest</i> segment at the head of the
 * log, waits for that to be durable, and only then deletes the old file. Because only the oldest
 * segment is ever deleted, a REMOVE can never outlive the PUT it cancels, so nothing comes back.
 * <p><b>Threads.</b> Thread-safe. Every mutation of the index happens under the store's lock, which
 * is also the log's: a caller appends and waits for its group commit under one acquisition. Reads
 * never lock and never wait for the writer ({@link BatchIndex}).
 */
public final class LogStore implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LogStore.class);

    /** One applied mutation: the batch before and after, and the log ticket that makes it durable. */
    public record Change(StoredBatch before, StoredBatch after, long ticket) {
    }

    private final Path directory;
    private final SegmentFiles files;
    private final Path quarantine;
    private final SegmentReader reader;
    private final SegmentLog log;
    private final StoreLock lock;
    private final long maxSegmentBytes;
    private final CorruptionListener listener;
    private final BatchIndex index;
    private final Canonicals canonicals;
    private final LiveBytes live = new LiveBytes();
    /** Orders every mutation of the index and the log; shared with the log (see {@link #durably}). */
    private final ReentrantLock mutex = new ReentrantLock();
    private long checkpointSegment;
    private final Object checkpointWriter = new Object();

    LogStore(Path directory, SegmentFiles files, StoreLock lock, long maxSegmentBytes, CorruptionListener listener,
             long firstNewSegment, boolean readOnly, ChannelOpener opener, Canonicals canonicals, BatchIndex index,
             long checkpointSegment) {
        this.canonicals = canonicals;
        this.index = index;
        this.checkpointSegment = checkpointSegment;
        live.recount(index.values());
        this.directory = directory;
        this.files = files;
        this.quarantine = directory.resolve("quarantine");
        this.reader = new SegmentReader(files);
        this.lock = lock;
        this.maxSegmentBytes = maxSegmentBytes;
        this.listener = listener;
        this.log = readOnly ? null : new SegmentLog(files, firstNewSegment, maxSegmentBytes, opener, mutex);
    }

    /**
     * Opens the store in {@code directory}, creating it if needed, replaying the log, cutting a torn
     * tail and rescuing damaged segments. Read-only mode takes no lock, changes no file, and refuses
     * mutations: for browsing a store another process holds, and for {@code verify}.
     */
    public static LogStore open(Path directory, boolean readOnly, long maxSegmentBytes, CorruptionListener listener) {
        return StoreOpening.open(directory, readOnly, maxSegmentBytes, listener, ChannelOpener.REAL);
    }

    // ---- mutations -------------------------------------------------------------------------

    /** Appends a new batch; refuses an id already stored, or a store at {@code limit} batches. */
    public Change put(StoreRecord.Put put, int limit) {
        Frame.Encoded frame = Frame.encode(put); // checksummed outside the lock: other writers go on
        return durably(() -> append(put, frame, limit));
    }

    /**
     * Makes a change under the lock and returns once it is on stable storage. The wait releases the
     * lock (it is the log's, see {@link SegmentLog}), so a caller takes it once, as a bare group
     * commit would, and the others go on meanwhile.
     */
    private Change durably(Supplier<Change> mutation) {
        mutex.lock();
        try {
            Change change = mutation.get();
            if (change.ticket() > 0) {
                log.awaitDurable(change.ticket());
            }
            return change;
        } finally {
            mutex.unlock();
        }
    }

    private Change append(StoreRecord.Put put, Frame.Encoded frame, int limit) {
        writable();
        if (index.containsKey(put.id())) {
            throw new StoreException("batch '" + put.id() + "' is already in the store " + directory);
        }
        if (index.size() >= limit) {
            throw new BackPressureException("store " + directory + " holds " + index.size()
                    + " batches, the limit (max_pending_batches) is " + limit + "; batch '" + put.id() + "' was not stored");
        }
        SegmentLog.Ticket ticket = log.append(frame);
        StoredBatch after = StoredBatch.of(put, ticket.location(), canonicals);
        index.put(after);
        live.add(ticket.location());
        return new Change(null, after, ticket.sequence());
    }

    /** Replaces a batch's metadata with {@code change(current)}; the function may throw to refuse. */
    public Change update(String id, UnaryOperator<BatchMeta> change) {
        return durably(() -> changeMeta(id, change));
    }

    private Change changeMeta(String id, UnaryOperator<BatchMeta> change) {
        writable();
        StoredBatch before = index.get(id);
        if (before == null) {
            throw new UnknownBatchException(id);
        }
        BatchMeta meta = canonicals.meta(change.apply(before.meta()));
        if (meta.equals(before.meta())) {
            return new Change(before, before, 0);
        }
        SegmentLog.Ticket ticket = log.append(Frame.encode(new StoreRecord.MetaUpdate(id, meta)));
        StoredBatch after = before.withMeta(meta);
        index.put(after);
        return new Change(before, after, ticket.sequence());
    }

    public Change remove(String id, RemovalCause cause, String reason) {
        return durably(() -> delete(id, cause, reason));
    }

    private Change delete(String id, RemovalCause cause, String reason) {
        writable();
        StoredBatch before = index.get(id);
        if (before == null) {
            throw new UnknownBatchException(id);
        }
        SegmentLog.Ticket ticket = log.append(Frame.encode(new StoreRecord.Removal(id, cause, reason)));
        index.remove(id);
        live.subtract(before.location());
        return new Change(before, null, ticket.sequence());
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

    /** How many batches are stored in {@code state} (kept up to date as they change: no pass over the index). */
    public int count(dev.batchyard.engine.BatchState state) {
        return index.count(state);
    }

    /** The encoded entries of a batch, read from disk and checksum-verified. */
    public Optional<byte[]> readEntries(String id) {
        return readRecord(id).map(StoreRecord.Put::entries);
    }

    /** The batch's whole record (entries and extras), read from disk and checksum-verified. */
    public Optional<StoreRecord.Put> readRecord(String id) {
        for (int tries = 0; tries < 3; tries++) {
            StoredBatch current = index.get(id);
            if (current == null) {
                return Optional.empty();
            }
            try {
                return Optional.of((StoreRecord.Put) reader.read(current.location()));
            } catch (NoSuchFileException e) {
                continue; // compaction moved it between the index look-up and the read
            } catch (IOException e) {
                if (log != null && tries == 0) {
                    log.awaitDurable(log.lastSequence()); // persisted a moment ago, not yet written
                    continue;
                }
                throw new StoreException("cannot read batch '" + id + "': " + e.getMessage(), e);
            }
        }
        throw new StoreException("cannot read batch '" + id + "': it kept moving during compaction");
    }

    public long liveBytes() {
        return locked(live::total);
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

    /** How many segments were started since the last checkpoint (a measure of replay work). */
    public long segmentsSinceCheckpoint() {
        return log == null ? 0 : locked(() -> log.activeSegment() - checkpointSegment);
    }

    /** Writes a checkpoint of the index as of everything durable now. */
    public void checkpoint() {
        synchronized (checkpointWriter) { // maintenance, compaction and close may all want one
            writeCheckpoint();
        }
    }

    private void writeCheckpoint() {
        long last;
        Checkpoint.Snapshot snapshot;
        mutex.lock();
        try {
            writable();
            last = log.lastSequence();
            Location position = log.position();
            snapshot = new Checkpoint.Snapshot(position.segmentId(), position.offset(), new ArrayList<>(index.values()));
        } finally {
            mutex.unlock();
        }
        log.awaitDurable(last); // the checkpoint must hold nothing that is not durable: it holds changes up to last
        try {
            Checkpoint.write(directory, snapshot.segmentId(), snapshot.offset(), snapshot.batches());
        } catch (IOException e) {
            throw new StoreException("cannot write checkpoint " + directory.resolve(Checkpoint.FILE) + ": " + e, e);
        }
        locked(() -> checkpointSegment = snapshot.segmentId());
    }

    /** Writes a checkpoint unless the last one already starts after segment {@code segmentId}. */
    void checkpointPast(long segmentId) {
        if (locked(() -> checkpointSegment) <= segmentId) {
            checkpoint();
        }
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
            if (!log.failed()) {
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

    long liveBytes(long segmentId) {
        return locked(() -> live.in(segmentId));
    }

    /** Batches whose record lies in {@code segmentId}. */
    List<StoredBatch> batchesIn(long segmentId) {
        return index.values().stream().filter(b -> b.segmentId() == segmentId).toList();
    }

    /**
     * Rewrites {@code batch} at the head of the log with its current metadata, if it still lives
     * in {@code segmentId}. Returns the ticket to wait for, or 0 if there was nothing to move.
     */
    long moveToHead(String id, long segmentId, StoreRecord.Put old) {
        return locked(() -> moveLocked(id, segmentId, old));
    }

    private long moveLocked(String id, long segmentId, StoreRecord.Put old) {
        writable();
        StoredBatch current = index.get(id);
        if (current == null || current.segmentId() != segmentId) {
            return 0;
        }
        SegmentLog.Ticket ticket = log.append(Frame.encode(current.toPut(old)));
        live.subtract(current.location());
        index.put(current.at(ticket.location()));
        live.add(ticket.location());
        return ticket.sequence();
    }

    void awaitTicket(long ticket) {
        if (ticket > 0) {
            log.awaitDurable(ticket);
        }
    }

    void forgetSegment(long segmentId) {
        locked(() -> {
            live.forget(segmentId);
            reader.release(segmentId);
            return null;
        });
    }

    /** Drops a batch whose record cannot be read any more (reported by the caller). */
    void forget(StoredBatch b) {
        locked(() -> {
            index.remove(b.id());
            live.subtract(b.location());
            return null;
        });
    }

    CorruptionListener listener() {
        return listener;
    }

    Path quarantine() {
        return quarantine;
    }

    private <T> T locked(Supplier<T> read) {
        mutex.lock();
        try {
            return read.get();
        } finally {
            mutex.unlock();
        }
    }

    private void writable() {
        if (log == null) {
            throw new StoreException("store " + directory + " is open read-only");
        }
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
