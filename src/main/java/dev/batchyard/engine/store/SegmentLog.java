package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The append side of the write-ahead log, with group commit: any number of threads
 * {@link #append} frames (cheap: a position is assigned and the frame queued) and then
 * {@link #awaitDurable} their ticket; one writer thread writes everything queued (one gathering
 * write per segment touched), calls {@code force} once for the whole group, and releases all its
 * waiters with one signal.
 *
 * <p><b>Guarantees.</b> Frames reach the file in ticket order at the offsets {@code append}
 * returned. {@code awaitDurable(t)} returns only after the frame of ticket {@code t} and every
 * earlier one is on stable storage (fdatasync; a new segment also fsyncs the directory). This is the
 * commit point of every state change in the store.
 * <p><b>Not guaranteed.</b> Frames queued but not yet forced may be lost or torn by a crash; their
 * callers were never told they were durable. After any I/O error the log stops: every waiter and
 * every later append gets a {@link StoreException} naming the file and the error, and nothing is
 * reported durable that was not forced.
 * <p><b>Threads.</b> Thread-safe. Segments roll when the next frame would pass
 * {@code maxSegmentBytes}; a frame larger than that gets a segment of its own.
 */
final class SegmentLog implements AutoCloseable {

    /** What {@link #append} gives back: where the frame will be, and the ticket to wait for. */
    record Ticket(Location location, long sequence) {
    }

    private record Pending(long sequence, Location location, Frame.Encoded frame, long appendedNanos) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SegmentLog.class);

    private final SegmentFiles files;
    private final long maxSegmentBytes;
    private final StoreObserver observer;
    private final Thread writer;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    // one lock, two conditions: appenders wake only the writer, the writer wakes only waiters
    private final ReentrantLock lock;
    private final Condition work;
    private final Condition durable;
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
        this.durable = lock.newCondition();
        this.maxSegmentBytes = maxSegmentBytes;
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
                durable.awaitUninterruptibly(); // the write is under way: an interrupt must not lose it
            }
            if (durableSequence < sequence) {
                throw failure;
            }
        } finally {
            lock.unlock();
        }
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
        FileChannel channel = null;
        long channelSegment = -1;
        try {
            while (true) {
                List<Pending> group = nextGroup();
                if (group.isEmpty()) {
                    break;
                }
                for (int from = 0, to; from < group.size(); from = to) {
                    long segment = group.get(from).location().segmentId();
                    if (segment != channelSegment) {
                        if (channel != null) {
                            force(channel);
                            channel.close();
                        }
                        channelSegment = segment;
                        channel = createSegment(channelSegment);
                    }
                    to = from + 1;
                    while (to < group.size() && group.get(to).location().segmentId() == segment) {
                        to++;
                    }
                    writeRun(channel, group.subList(from, to));
                }
                force(channel);
                markDurable(group.get(group.size() - 1).sequence());
                observeCommit(group);
            }
        } catch (IOException | RuntimeException e) {
            fail(new StoreException("write-ahead log stopped: cannot write " + files.path(channelSegment)
                    + ": " + e, e));
        } finally {
            closeQuietly(channel);
        }
    }

    private void force(FileChannel channel) throws IOException {
        long start = System.nanoTime();
        channel.force(false);
        long took = System.nanoTime() - start;
        try {
            observer.synced(took);
        } catch (RuntimeException e) {
            LOG.warn("the store's observer failed on a force; the commit is not affected", e);
        }
    }

    private void observeCommit(List<Pending> group) {
        long now = System.nanoTime();
        long bytes = 0;
        for (Pending p : group) {
            bytes += p.frame().length();
        }
        try {
            observer.committed(group.size(), bytes, now - group.get(0).appendedNanos(),
                    now - group.get(group.size() - 1).appendedNanos());
        } catch (RuntimeException e) {
            LOG.warn("the store's observer failed on a group commit; the commit is not affected", e);
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
            return group;
        } finally {
            lock.unlock();
        }
    }

    private void markDurable(long sequence) {
        lock.lock();
        try {
            durableSequence = sequence;
            durable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void fail(StoreException e) {
        lock.lock();
        try {
            failure = e;
            queue.clear();
            durable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private FileChannel createSegment(long segmentId) throws IOException {
        FileChannel ch = files.disk().open(files.path(segmentId), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        writeFully(ch, SegmentHeader.encode(segmentId), 0);
        ch.force(true);
        files.syncDirectory(); // the new name: without it a power cut can take the whole segment away
        return ch;
    }

    /** Frames that follow each other in one segment: one gathering write (or a few, if it comes back short). */
    private static void writeRun(FileChannel ch, List<Pending> run) throws IOException {
        List<ByteBuffer> parts = new ArrayList<>(3 * run.size());
        long remaining = 0;
        for (Pending p : run) {
            p.frame().addTo(parts);
            remaining += p.frame().length();
        }
        ByteBuffer[] buffers = parts.toArray(ByteBuffer[]::new);
        ch.position(run.get(0).location().offset());
        while (remaining > 0) {
            remaining -= ch.write(buffers);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing after force: nothing left to lose
            }
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
    }
}
