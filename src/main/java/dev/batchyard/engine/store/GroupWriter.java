package dev.batchyard.engine.store;

import dev.batchyard.engine.store.SegmentLog.Pending;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
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
 * <p>A new segment is a {@link SpareSegment} when one is ready: a file of zeros as large as a
 * segment, already on disk, so the group's force commits only data, not a growing file's size. The
 * writer asks for a spare once the first segment it writes is half full, and from its first roll on
 * keeps one asked for (a segment of a busy log fills in under a second; half of it was too little
 * time to write the next one's zeros beside it). A segment is cut to the
 * end of its last frame, durably, when the writer leaves it or closes, so only the newest segment
 * may end in zeros: after a crash, the replay reads them as the end of its records and cuts them.
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
    private final SpareSegment spare;
    private final long halfSegment;
    private FileChannel channel;
    private long channelSegment = -1;
    /** Where the last frame written to {@link #channel} ends. */
    private long channelEnd;
    /** A write failed: what lies past {@link #channelEnd} may be a torn frame, for the next open to find. */
    private boolean broken;
    /** The log has filled a segment since it opened: busy enough to keep a spare asked for at all times. */
    private boolean rolled;

    GroupWriter(SegmentFiles files, StoreObserver observer, SpareSegment spare, long maxSegmentBytes) {
        this.files = files;
        this.observer = observer;
        this.spare = spare;
        this.halfSegment = maxSegmentBytes / 2;
    }

    /** Writes {@code group} (in ticket order, at the offsets it was given) and forces it to stable storage. */
    void write(List<Pending> group) throws IOException {
        try {
            writeGroup(group);
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    private void writeGroup(List<Pending> group) throws IOException {
        for (int from = 0, to; from < group.size(); from = to) {
            long segment = group.get(from).location().segmentId();
            if (segment != channelSegment) {
                if (channel != null) {
                    force(channel);
                    cutZeros();
                    channel.close();
                    rolled |= channelEnd > halfSegment; // filled, not sealed early (a damaged record's quarantine)
                }
                channelSegment = segment;
                channel = createSegment(channelSegment);
                channelEnd = SegmentHeader.SIZE;
            }
            to = from + 1;
            while (to < group.size() && group.get(to).location().segmentId() == segment) {
                to++;
            }
            channelEnd = writeRun(channel, group.subList(from, to));
        }
        force(channel);
        if (rolled || channelEnd > halfSegment) {
            spare.prepare();
        }
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
        Path ready = spare.take();
        if (ready != null) {
            return adoptSpare(ready, segmentId);
        }
        FileChannel ch = files.disk().open(files.path(segmentId), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.READ);
        writeFully(ch, SegmentHeader.encode(segmentId), 0);
        ch.force(true);
        files.syncDirectory(); // the new name: without it a power cut can take the whole segment away
        return ch;
    }

    /**
     * The spare becomes segment {@code segmentId}: its header first, forced, then its name, made
     * durable. A power cut in between leaves a spare (ignored) or a segment with its header and zeros
     * (an empty segment), never a segment without a header.
     */
    private FileChannel adoptSpare(Path ready, long segmentId) throws IOException {
        Disk disk = files.disk();
        try (FileChannel ch = disk.open(ready, StandardOpenOption.WRITE)) {
            writeFully(ch, SegmentHeader.encode(segmentId), 0);
            ch.force(false);
        }
        disk.move(ready, files.path(segmentId));
        files.syncDirectory();
        return disk.open(files.path(segmentId), StandardOpenOption.WRITE, StandardOpenOption.READ);
    }

    /**
     * Cuts the zeros after the last frame of the segment being left, durably: only the newest
     * segment may end in zeros, so an older one that does is known damaged.
     */
    private void cutZeros() throws IOException {
        if (channel.size() > channelEnd) {
            channel.truncate(channelEnd);
            channel.force(true);
        }
    }

    /** Frames that follow each other in one segment: one gathering write (or a few, if it comes back short). */
    private static long writeRun(FileChannel ch, List<Pending> run) throws IOException {
        List<ByteBuffer> parts = new ArrayList<>(3 * run.size());
        long remaining = 0;
        for (Pending p : run) {
            p.frame().addTo(parts);
            remaining += p.frame().length();
        }
        ByteBuffer[] buffers = parts.toArray(ByteBuffer[]::new);
        Location first = run.get(0).location();
        ch.position(first.offset());
        while (remaining > 0) {
            remaining -= ch.write(buffers);
        }
        Location last = run.get(run.size() - 1).location();
        return last.offset() + last.length();
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
    }

    /**
     * Closes the segment being written, cut to its last frame; everything in it was forced by the
     * last {@link #write}.
     */
    @Override
    public void close() {
        if (channel != null && !broken) {
            try {
                cutZeros();
            } catch (IOException e) {
                LOG.warn("could not cut the zeros after the last record of {} ({}); the next open cuts them",
                        files.path(channelSegment), e.toString());
            }
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after force: nothing left to lose
            }
        }
    }
}
