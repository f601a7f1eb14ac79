package dev.batchyard.engine.store;

import dev.batchyard.engine.store.SegmentLog.Pending;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one group commit on disk for {@link SegmentLog}'s writer thread: every run of frames that
 * follow each other in one segment goes out in one gathering write, a segment the group reaches is
 * created first (header, fsync, then the directory's fsync so a power cut cannot take its name
 * away), and a segment left behind is forced before it is closed; then one force for the group.
 *
 * <p>It tells the store's observer how long each force and the commit took. An observer that throws
 * is logged and ignored: metrics never stop or fail a commit.
 * <p>Not thread-safe: only the writer thread uses it. After an {@link IOException} nothing it wrote
 * since the last {@link #write} returned may be taken as durable.
 */
final class GroupWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupWriter.class);

    private final SegmentFiles files;
    private final StoreObserver observer;
    private FileChannel channel;
    private long channelSegment = -1;

    GroupWriter(SegmentFiles files, StoreObserver observer) {
        this.files = files;
        this.observer = observer;
    }

    /** Writes {@code group} (in ticket order, at the offsets it was given) and forces it to stable storage. */
    void write(List<Pending> group) throws IOException {
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
    }

    /** The segment being written (-1 before the first), for the error that stops the log. */
    long segment() {
        return channelSegment;
    }

    /** Tells the observer that {@code group} is durable: its size and how long its frames waited. */
    void observeCommit(List<Pending> group) {
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

    private void force(FileChannel ch) throws IOException {
        long start = System.nanoTime();
        ch.force(false);
        long took = System.nanoTime() - start;
        try {
            observer.synced(took);
        } catch (RuntimeException e) {
            LOG.warn("the store's observer failed on a force; the commit is not affected", e);
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

    /** Closes the segment being written; everything in it was forced by the last {@link #write}. */
    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after force: nothing left to lose
            }
        }
    }
}
