package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The index and the log it is rebuilt from, changed together: every mutation is decided, appended
 * and applied to the index under one lock, which is also the log's, so a caller appends and waits
 * for its group commit under one acquisition (the wait releases the lock). It also writes the
 * checkpoints of the index, which must agree with a position in the log. Without a log (a store
 * opened read-only) it refuses every mutation.
 */
final class LoggedIndex {
    private final Path directory;
    private final Disk disk;
    private final SegmentLog log;
    private final BatchIndex index;
    private final Canonicals canonicals;
    private final LiveBytes live = new LiveBytes();
    private final ReentrantLock mutex;
    private final Object checkpointWriter = new Object();
    private long checkpointSegment;

    /** @param log null for a read-only store; it must use {@code mutex} as its lock */
    LoggedIndex(Path directory, Disk disk, SegmentLog log, ReentrantLock mutex, BatchIndex index, Canonicals canonicals,
                long checkpointSegment) {
        this.directory = directory;
        this.disk = disk;
        this.log = log;
        this.mutex = mutex;
        this.index = index;
        this.canonicals = canonicals;
        this.checkpointSegment = checkpointSegment;
        live.recount(index.values());
    }

    LogStore.Change put(StoreRecord.Put put, Frame.Encoded frame, StoreLimits limits) {
        return durably(() -> appendNew(put, frame, limits));
    }

    /**
     * As {@link #put}, without waiting: the batch is decided, appended and in the index when this
     * returns, and {@code then} runs once it is durable (or the log stopped first), on the log's
     * writer thread ({@link SegmentLog#whenDurable}). Refusals are thrown here, before anything is appended.
     */
    LogStore.Change putThen(StoreRecord.Put put, Frame.Encoded frame, StoreLimits limits,
                            Consumer<StoreException> then) {
        mutex.lock();
        try {
            LogStore.Change change = appendNew(put, frame, limits);
            log.whenDurable(change.ticket(), then); // under the lock: tickets register in order
            return change;
        } finally {
            mutex.unlock();
        }
    }

    /** Decides and appends a new batch and puts it in the index; the caller holds the lock. */
    private LogStore.Change appendNew(StoreRecord.Put put, Frame.Encoded frame, StoreLimits limits) {
        writable();
        if (index.containsKey(put.id())) {
            throw new DuplicateBatchException(put.id(), directory);
        }
        if (index.size() >= limits.maxBatches()) {
            throw new BackPressureException("store " + directory + " holds " + index.size()
                    + " batches, the limit (max_pending_batches) is " + limits.maxBatches() + "; batch '" + put.id()
                    + "' was not stored");
        }
        if (live.total() > limits.maxPendingBytes() - frame.length()) {
            throw new BackPressureException("store " + directory + " holds " + live.total() + " bytes of batches, "
                    + "the limit (max_pending_bytes) is " + limits.maxPendingBytes() + "; batch '" + put.id()
                    + "' of " + frame.length() + " bytes was not stored", "max_pending_bytes");
        }
        SegmentLog.Ticket ticket = log.append(frame);
        StoredBatch after = StoredBatch.of(put, ticket.location(), canonicals);
        index.put(after);
        live.add(ticket.location());
        return new LogStore.Change(null, after, ticket.sequence());
    }

    LogStore.Change update(String id, UnaryOperator<BatchMeta> change) {
        return durably(() -> appendUpdate(id, change));
    }

    /**
     * As {@link #update}, without waiting: the change is decided, appended and in the index when this
     * returns, and durable once {@link #awaitTicket} of its ticket returns (0: nothing changed).
     */
    LogStore.Change updateWithoutWaiting(String id, UnaryOperator<BatchMeta> change) {
        return locked(() -> appendUpdate(id, change));
    }

    /** Decides and appends a metadata change and applies it to the index; the caller holds the lock. */
    private LogStore.Change appendUpdate(String id, UnaryOperator<BatchMeta> change) {
        StoredBatch before = current(id);
        BatchMeta meta = canonicals.meta(change.apply(before.meta()));
        if (meta.equals(before.meta())) {
            return new LogStore.Change(before, before, 0);
        }
        SegmentLog.Ticket ticket = log.append(Frame.encode(new StoreRecord.MetaUpdate(id, meta)));
        StoredBatch after = before.withMeta(meta);
        index.put(after);
        return new LogStore.Change(before, after, ticket.sequence());
    }

    LogStore.Change remove(String id, RemovalCause cause, String reason) {
        return durably(() -> {
            StoredBatch before = current(id);
            SegmentLog.Ticket ticket = log.append(Frame.encode(new StoreRecord.Removal(id, cause, reason)));
            index.remove(id);
            live.subtract(before.location());
            return new LogStore.Change(before, null, ticket.sequence());
        });
    }

    /**
     * Replaces the batches {@code expected} names (each still with exactly that metadata) by
     * {@code added}, in one change: their PARTs, then the COMMIT that makes them live and removes
     * the old ones, appended under one hold of the lock (so no checkpoint falls between them) and
     * durable together when this returns. Refused, with nothing appended, when a batch to replace is
     * gone or changed, or a new id is taken.
     */
    List<LogStore.Change> replace(Map<String, BatchMeta> expected, List<StoreRecord.Put> added,
                                  List<Frame.Encoded> frames, RemovalCause cause, String reason) {
        mutex.lock();
        try {
            writable();
            List<StoredBatch> before = new ArrayList<>();
            for (Map.Entry<String, BatchMeta> e : expected.entrySet()) {
                StoredBatch current = index.get(e.getKey());
                if (current == null) {
                    throw new UnknownBatchException(e.getKey());
                }
                if (!current.meta().equals(e.getValue())) {
                    throw new BatchChangedException(e.getKey(), current.meta().discarded() ? "discarded"
                            : current.meta().state().name());
                }
                before.add(current);
            }
            for (StoreRecord.Put put : added) {
                if (index.containsKey(put.id()) && !expected.containsKey(put.id())) {
                    throw new DuplicateBatchException(put.id(), directory);
                }
            }
            List<Location> parts = new ArrayList<>();
            for (Frame.Encoded frame : frames) {
                parts.add(log.append(frame).location());
            }
            SegmentLog.Ticket commit = log.append(Frame.encode(new StoreRecord.Commit(List.copyOf(expected.keySet()),
                    added.stream().map(StoreRecord.Put::id).toList(), cause, reason)));
            List<LogStore.Change> changes = new ArrayList<>();
            for (StoredBatch old : before) {
                index.remove(old.id());
                live.subtract(old.location());
                changes.add(new LogStore.Change(old, null, commit.sequence()));
            }
            for (int i = 0; i < added.size(); i++) {
                StoredBatch after = StoredBatch.of(added.get(i), parts.get(i), canonicals);
                index.put(after);
                live.add(parts.get(i));
                changes.add(new LogStore.Change(null, after, commit.sequence()));
            }
            awaitTicket(commit.sequence());
            return changes;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Rewrites a batch at the head of the log with its current metadata, if it still lives in
     * {@code segmentId}. Returns the ticket to wait for ({@link #awaitTicket}), or 0 if there was
     * nothing to move; compaction moves many, then waits once.
     */
    long moveToHead(String id, long segmentId, StoreRecord.Put old) {
        return locked(() -> {
            writable();
            StoredBatch current = index.get(id);
            if (current == null || current.segmentId() != segmentId) {
                return 0L;
            }
            SegmentLog.Ticket ticket = log.append(Frame.encode(current.toPut(old)));
            live.subtract(current.location());
            index.put(current.at(ticket.location()));
            live.add(ticket.location());
            return ticket.sequence();
        });
    }

    /** Returns once every frame appended so far is on disk: a segment just sealed may still have a group in flight. */
    void awaitEverythingAppended() {
        if (log != null) {
            log.awaitDurable(log.lastSequence());
        }
    }

    void awaitTicket(long ticket) {
        if (ticket > 0) {
            log.awaitDurable(ticket);
        }
    }

    void forgetSegment(long segmentId) {
        locked(() -> {
            live.forget(segmentId);
            return null;
        });
    }

    long liveBytes() {
        return locked(live::total);
    }

    long liveBytes(long segmentId) {
        return locked(() -> live.in(segmentId));
    }

    /** How many segments were started since the last checkpoint (a measure of replay work). */
    long segmentsSinceCheckpoint() {
        return log == null ? 0 : locked(() -> log.activeSegment() - checkpointSegment);
    }

    /** Writes a checkpoint of the index as of everything durable now; one at a time. */
    void checkpoint() {
        synchronized (checkpointWriter) { // maintenance, compaction and close may all want one
            long last;
            Checkpoint.Snapshot snapshot;
            mutex.lock();
            try {
                writable();
                last = log.lastSequence();
                Location position = log.position();
                snapshot = new Checkpoint.Snapshot(position.segmentId(), position.offset(),
                        new ArrayList<>(index.values()));
            } finally {
                mutex.unlock();
            }
            log.awaitDurable(last); // the checkpoint holds the changes up to last: nothing that is not durable
            try {
                Checkpoint.write(disk, directory, snapshot.segmentId(), snapshot.offset(), snapshot.batches());
            } catch (IOException e) {
                throw new StoreException("cannot write checkpoint " + directory.resolve(Checkpoint.FILE) + ": " + e, e);
            }
            locked(() -> checkpointSegment = snapshot.segmentId());
        }
    }

    /** Writes a checkpoint unless the last one already starts after segment {@code segmentId}. */
    void checkpointPast(long segmentId) {
        if (locked(() -> checkpointSegment) <= segmentId) {
            checkpoint();
        }
    }

    /** Makes a change under the lock and returns once it is on stable storage (the wait releases the lock). */
    private LogStore.Change durably(Supplier<LogStore.Change> mutation) {
        mutex.lock();
        try {
            LogStore.Change change = mutation.get();
            awaitTicket(change.ticket());
            return change;
        } finally {
            mutex.unlock();
        }
    }

    private StoredBatch current(String id) {
        writable();
        StoredBatch b = index.get(id);
        if (b == null) {
            throw new UnknownBatchException(id);
        }
        return b;
    }

    private <T> T locked(Supplier<T> action) {
        mutex.lock();
        try {
            return action.get();
        } finally {
            mutex.unlock();
        }
    }

    private void writable() {
        if (log == null) {
            throw new StoreException("store " + directory + " is open read-only");
        }
    }
}
