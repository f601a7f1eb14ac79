package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random reads of single frames (a batch's entries, on demand), through one cached read channel
 * per segment. Every read verifies the frame's checksum, so damage that appears after start-up is
 * still caught. Thread-safe.
 */
final class SegmentReader implements AutoCloseable {
    private final SegmentFiles files;
    private final Map<Long, FileChannel> channels = new ConcurrentHashMap<>();

    SegmentReader(SegmentFiles files) {
        this.files = files;
    }

    /**
     * The record at {@code at}, checksum-verified.
     *
     * @throws DamagedRecordException when the bytes there are not a whole, valid record
     * @throws java.nio.file.NoSuchFileException when the segment is gone (compacted or set aside)
     * @throws IOException when the disk refuses the read
     */
    StoreRecord read(Location at) throws IOException {
        FileChannel ch = channel(at.segmentId());
        ByteBuffer buf = ByteBuffer.allocate(at.length());
        while (buf.hasRemaining()) {
            if (ch.read(buf, at.offset() + buf.position()) < 0) {
                throw new DamagedRecordException("damaged record at " + files.path(at.segmentId()) + " offset "
                        + at.offset() + ": the file ends before the record does");
            }
        }
        byte[] frame = buf.array();
        String problem = SegmentScanner.frameProblem(frame, 0);
        if (problem != null) {
            throw new DamagedRecordException("damaged record at " + files.path(at.segmentId()) + " offset " + at.offset()
                    + ": " + problem);
        }
        try {
            return RecordCodec.decode(frame[8], frame, Frame.HEADER, frame.length - Frame.HEADER);
        } catch (MalformedRecordException e) {
            throw new DamagedRecordException("undecodable record at " + files.path(at.segmentId()) + " offset "
                    + at.offset() + ": " + e.getMessage(), e);
        }
    }

    /** The batch record of {@code b}, checked to be the PUT of that batch. */
    StoreRecord.Put readPut(StoredBatch b) throws IOException {
        StoreRecord record = read(b.location());
        if (!(record instanceof StoreRecord.Put put) || !put.id().equals(b.id())) {
            throw new DamagedRecordException("damaged record at " + files.path(b.segmentId()) + " offset " + b.offset()
                    + ": it holds " + (record instanceof StoreRecord.Put p ? "batch '" + p.id() + "'" : "a metadata record")
                    + ", not batch '" + b.id() + "'");
        }
        return put;
    }

    /** Forget a segment about to be deleted or moved. */
    void release(long segmentId) {
        FileChannel ch = channels.remove(segmentId);
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // read-only channel: nothing to flush
            }
        }
    }

    private FileChannel channel(long segmentId) throws IOException {
        try {
            return channels.computeIfAbsent(segmentId, id -> {
                try {
                    return files.disk().open(files.path(id), StandardOpenOption.READ);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        channels.keySet().forEach(this::release);
    }
}
