package dev.batchyard.engine.store;

import dev.batchyard.engine.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The append side of the write-ahead log, with group commit: any number of threads
 * {@link #append} frames (cheap: a position is assigned and the frame queued) and then
 * {@link #awaitDurable} their ticket; one writer thread writes everything queued, calls
 * {@code force} once for the whole group, and releases all its waiters.
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

    private record Pending(long sequence, Location location, byte[] frame) {
    }

    private final SegmentFiles files;
    private final long maxSegmentBytes;
    private final Thread writer;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long appendSegment;
    private long appendOffset;
    private long nextSequence = 1;
    private long durableSequence;
    private StoreException failure;
    private boolean closing;

    /** Starts a log whose first frame goes into a new segment {@code firstSegmentId}. */
    SegmentLog(SegmentFiles files, long firstSegmentId, long maxSegmentBytes) {
        this.files = files;
        this.maxSegmentBytes = maxSegmentBytes;
        this.appendSegment = firstSegmentId;
        this.appendOffset = SegmentHeader.SIZE;
        this.writer = new Thread(this::writeLoop, "batchyard-wal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    synchronized Ticket append(byte[] frame) {
        if (failure != null) {
            throw failure;
        }
        if (closing) {
            throw new StoreException("store is closed");
        }
        if (appendOffset + frame.length > maxSegmentBytes && appendOffset > SegmentHeader.SIZE) {
            appendSegment++;
            appendOffset = SegmentHeader.SIZE;
        }
        Location location = new Location(appendSegment, appendOffset, frame.length);
        appendOffset += frame.length;
        Pending pending = new Pending(nextSequence++, location, frame);
        queue.add(pending);
        notifyAll();
        return new Ticket(location, pending.sequence());
    }

    /** Blocks until ticket {@code sequence} is on stable storage. */
    synchronized void awaitDurable(long sequence) {
        boolean interrupted = false;
        while (durableSequence < sequence && failure == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true; // the write is under way: finish waiting, keep the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (durableSequence < sequence) {
            throw failure;
        }
    }

    /** The ticket of the newest frame appended so far (0 if none). */
    synchronized long lastSequence() {
        return nextSequence - 1;
    }

    /** Where the next frame will be written. */
    synchronized Location position() {
        return new Location(appendSegment, appendOffset, 0);
    }

    /** The segment the next frame goes to; segments below it are sealed or being written. */
    synchronized long activeSegment() {
        return appendSegment;
    }

    synchronized boolean failed() {
        return failure != null;
    }

    synchronized String failureMessage() {
        return failure == null ? "" : failure.getMessage();
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
                for (Pending p : group) {
                    if (p.location().segmentId() != channelSegment) {
                        if (channel != null) {
                            channel.force(false);
                            channel.close();
                        }
                        channelSegment = p.location().segmentId();
                        channel = createSegment(channelSegment);
                    }
                    writeFully(channel, ByteBuffer.wrap(p.frame()), p.location().offset());
                }
                channel.force(false);
                markDurable(group.get(group.size() - 1).sequence());
            }
        } catch (IOException | RuntimeException e) {
            fail(new StoreException("write-ahead log stopped: cannot write " + files.path(channelSegment)
                    + ": " + e, e));
        } finally {
            closeQuietly(channel);
        }
    }

    private synchronized List<Pending> nextGroup() {
        while (queue.isEmpty() && !closing) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        List<Pending> group = new ArrayList<>(queue);
        queue.clear();
        return group;
    }

    private synchronized void markDurable(long sequence) {
        durableSequence = sequence;
        notifyAll();
    }

    private synchronized void fail(StoreException e) {
        failure = e;
        queue.clear();
        notifyAll();
    }

    private FileChannel createSegment(long segmentId) throws IOException {
        FileChannel ch = FileChannel.open(files.path(segmentId), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        writeFully(ch, SegmentHeader.encode(segmentId), 0);
        ch.force(true);
        SegmentFiles.syncDirectory(files.directory());
        return ch;
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
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
