package dev.batchyard.engine.store;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append side of the write-ahead log, with group commit: any number of threads
 * {@link #append} frames (cheap: a position is assigned and the frame queued) and then
 * {@link #awaitDurable} their ticket; one writer thread writes everything queued (one gathering
 * write per segment touched, by {@link GroupWriter}), calls {@code force} once for the whole group,
 * and releases all its waiters with one signal. Each group has a condition of its own: a commit
 * wakes only the threads it made durable, not those already waiting on the next group, which
 * would wake for nothing and take the owner's lock to find that out.
 *
 * <p><b>Guarantees.</b> Frames reach the file in ticket order at the offsets {@code append}
 * returned. {@code awaitDurable(t)} returns only after the frame of ticket {@code t} and every
 * earlier one is on stable storage (fdatasync; a new segment also fsyncs the directory), and
 * {@link #whenDurable whenDurable(t, then)} runs {@code then} only then. This is the commit point of
 * every state change in the store.
 * <p><b>Not guaranteed.</b> Frames queued but not yet forced may be lost or torn by a crash; their
 * callers were never told they were durable. After any I/O error the log stops: every waiter and
 * every later append gets a {@link StoreException} naming the file and the error, and nothing is
 * reported durable that was not forced.
 * <p><b>Threads.</b> Thread-safe. Segments roll when the next frame would pass
 * {@code maxSegmentBytes}; a frame larger than that gets a segment of its own.
 */
final class SegmentLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentLog.class);

    /** What {@link #append} gives back: where the frame will be, and the ticket to wait for. */
    record Ticket(Location location, long sequence) {
    }

    /** A frame queued for the writer, with its ticket and when it was appended (for the commit's latency). */
    record Pending(long sequence, Location location, Frame.Encoded frame, long appendedNanos) {
    }

    /** What to run once a ticket is durable: given null, or the failure that stopped the log first. */
    private record Waiter(long sequence, Consumer<StoreException> then) {
    }

    private final SegmentFiles files;
    private final long maxSegmentBytes;
    private final StoreObserver observer;
    private final SpareSegment spare;
    private final Thread writer;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** In ticket order: {@link #whenDurable} is called under the lock that {@link #append} took. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    // one lock; appenders wake only the writer, the writer wakes only the waiters of the group it committed
    private final ReentrantLock lock;
    private final Condition work;
    /** The waiters of the tickets queued since the writer last took the queue. */
    private Condition queued;
    /** The waiters of the group the writer is writing, up to ticket {@link #writingLast}. */
    private Condition writing;
    private long writingLast;
    private long appendSegment;
    private long appendOffset;
    private long nextSequence = 1;
    private long durableSequence;
    private StoreException failure;
    private boolean closing;

    /**
     * Starts a log whose first frame goes into a new segment {@code firstSegmentId}.
     *
     * @param lock the owner's lock, which the log uses as its own: the owner can append and then
     *             wait for durability under one acquisition (the wait releases it), keeping its
     *             own state in step with the order of the log
     * @param observer told how long each force and each group commit took
     */
    SegmentLog(SegmentFiles files, long firstSegmentId, long maxSegmentBytes, ReentrantLock lock,
               StoreObserver observer) {
        this.files = files;
        this.observer = observer;
        this.lock = lock;
        this.work = lock.newCondition();
        this.queued = lock.newCondition();
        this.writing = lock.newCondition();
        this.maxSegmentBytes = maxSegmentBytes;
        this.spare = new SpareSegment(files, maxSegmentBytes);
        this.appendSegment = firstSegmentId;
        this.appendOffset = SegmentHeader.SIZE;
        this.writer = new Thread(this::writeLoop, "batchyard-wal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    Ticket append(Frame.Encoded frame) {
        lock.lock();
        try {
            if (failure != null) {
                throw failure;
            }
            if (closing) {
                throw new StoreException("store is closed");
            }
            int length = frame.length();
            if (appendOffset + length > maxSegmentBytes && appendOffset > SegmentHeader.SIZE) {
                appendSegment++;
                appendOffset = SegmentHeader.SIZE;
            }
            Location location = new Location(appendSegment, appendOffset, length);
            appendOffset += length;
            Pending pending = new Pending(nextSequence++, location, frame, System.nanoTime());
            queue.add(pending);
            work.signal();
            return new Ticket(location, pending.sequence());
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until ticket {@code sequence} is on stable storage; the lock is released while it waits. */
    void awaitDurable(long sequence) {
        lock.lock();
        try {
            while (durableSequence < sequence && failure == null) {
                // the write is under way: an interrupt must not lose it
                (sequence <= writingLast ? writing : queued).awaitUninterruptibly();
            }
            if (durableSequence < sequence) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code then} once ticket {@code sequence} is on stable storage, given null, or given the
     * failure that stopped the log before it was: on the writer thread, in ticket order, right after
     * the group's force (so it must not block: the next group waits for it), or at once on this
     * thread if the ticket is already decided. For a caller that must not park a thread per write
     * (the ingest routes). The caller holds the lock it took for {@link #append}, so tickets register
     * in order.
     */
    void whenDurable(long sequence, Consumer<StoreException> then) {
        StoreException outcome;
        lock.lock();
        try {
            if (durableSequence < sequence && failure == null) {
                waiters.add(new Waiter(sequence, then));
                return;
            }
            outcome = durableSequence >= sequence ? null : failure;
        } finally {
            lock.unlock();
        }
        run(then, outcome);
    }

    /** Seals the segment being appended to, if it holds anything: the next frame starts a new one. */
    void roll() {
        lock.lock();
        try {
            if (appendOffset > SegmentHeader.SIZE) {
                appendSegment++;
                appendOffset = SegmentHeader.SIZE;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The ticket of the newest frame appended so far (0 if none). */
    long lastSequence() {
        return locked(() -> nextSequence - 1);
    }

    /** Where the next frame will be written. */
    Location position() {
        return locked(() -> new Location(appendSegment, appendOffset, 0));
    }

    /** The segment the next frame goes to; segments below it are sealed or being written. */
    long activeSegment() {
        return locked(() -> appendSegment);
    }

    boolean failed() {
        return locked(() -> failure != null);
    }

    String failureMessage() {
        return locked(() -> failure == null ? "" : failure.getMessage());
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    private void writeLoop() {
        GroupWriter out = new GroupWriter(files, observer, spare, maxSegmentBytes);
        try {
            while (true) {
                List<Pending> group = nextGroup();
                if (group.isEmpty()) {
                    break;
                }
                out.write(group);
                // callbacks run here, not on a thread of their own: handing each group's to another thread
                // cost the ingest route more CPU per push than it saved the writer (docs/benchmarks.md)
                for (Waiter w : markDurable(group.get(group.size() - 1).sequence())) {
                    run(w.then(), null);
                }
                out.observeCommit(group);
            }
        } catch (IOException | RuntimeException e) {
            fail(new StoreException("write-ahead log stopped: cannot write " + files.path(out.segment())
                    + ": " + e, e));
        } finally {
            out.close();
        }
    }

    private List<Pending> nextGroup() {
        lock.lock();
        try {
            while (queue.isEmpty() && !closing) {
                work.awaitUninterruptibly();
            }
            List<Pending> group = new ArrayList<>(queue);
            queue.clear();
            if (!group.isEmpty()) { // its waiters are now the written group's; later tickets wait apart
                writing = queued;
                writingLast = group.get(group.size() - 1).sequence();
                queued = lock.newCondition();
            }
            return group;
        } finally {
            lock.unlock();
        }
    }

    /** Records {@code sequence} durable, wakes its waiting threads and returns the callbacks it releases. */
    private List<Waiter> markDurable(long sequence) {
        lock.lock();
        try {
            durableSequence = sequence;
            writing.signalAll();
            if (waiters.isEmpty()) {
                return List.of(); // every caller but the ingest routes waits on the condition
            }
            List<Waiter> released = new ArrayList<>();
            while (!waiters.isEmpty() && waiters.peekFirst().sequence() <= sequence) {
                released.add(waiters.pollFirst());
            }
            return released;
        } finally {
            lock.unlock();
        }
    }

    private void fail(StoreException e) {
        List<Waiter> failed;
        lock.lock();
        try {
            failure = e;
            queue.clear();
            writing.signalAll();
            queued.signalAll();
            failed = new ArrayList<>(waiters);
            waiters.clear();
        } finally {
            lock.unlock();
        }
        for (Waiter w : failed) {
            run(w.then(), e);
        }
    }

    /** A callback that throws is a bug in its caller: logged, and the log goes on. */
    private static void run(Consumer<StoreException> then, StoreException outcome) {
        try {
            then.accept(outcome);
        } catch (RuntimeException e) {
            LOG.error("a callback waiting for a group commit failed; the log is not affected", e);
        }
    }

    /** Writes what is queued, waits for it, and stops the writer. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spare.close();
    }
}
