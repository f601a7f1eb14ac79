package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A snapshot of the index, so reopening replays only the log written after it.
 *
 * <pre>
 * offset  size  field
 * 0       4     magic "BYCK"
 * 4       2     format version (1)
 * 6       8     replay from: segment id
 * 14      8     replay from: byte offset in that segment
 * 22      4     batch count n
 * 26      ...   n × (id str | created time | context map | entryCount varint | meta
 *                    | segment i64 | offset i64 | length i32)       (encodings of {@link RecordCodec})
 * end-4   4     CRC32C of everything before it
 * </pre>
 * <b>Guarantee:</b> the snapshot reflects every record before the replay position and nothing
 * that was not durable when it was taken. Written to a temp file, fsync'd, renamed over the old
 * one, directory fsync'd: a crash leaves the old or the new checkpoint, never half of one. A
 * checkpoint that fails its checksum is reported and ignored (the log is replayed in full).
 * Not thread-safe: the store calls it under its own lock discipline.
 */
final class Checkpoint {
    static final String FILE = "index.ckpt";
    private static final int MAGIC = 0x4259434B;
    private static final short VERSION = 1;

    /** A loaded checkpoint. */
    record Snapshot(long segmentId, long offset, List<StoredBatch> batches) {
    }

    private Checkpoint() {
    }

    static void write(Disk disk, Path storeDirectory, long segmentId, long offset, Collection<StoredBatch> batches) throws IOException {
        BinaryWriter out = new BinaryWriter(64 + batches.size() * 128);
        out.i32(MAGIC).u8(VERSION >>> 8).u8(VERSION & 0xFF).i64(segmentId).i64(offset).i32(batches.size());
        for (StoredBatch b : batches) {
            out.string(b.id()).u8(1).i64(b.createdSecond()).i32(b.createdNano()).i32(b.createdOffsetSeconds());
            out.varint(b.context().size());
            b.context().forEach((k, v) -> out.string(k).string(v));
            out.varint(b.entryCount());
            RecordCodec.writeMeta(out, b.meta());
            out.i64(b.segmentId()).i64(b.offset()).i32(b.length());
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.size());
        out.i32((int) crc.getValue());
        Path tmp = storeDirectory.resolve(FILE + ".tmp");
        disk.deleteIfExists(tmp); // one left by a crash keeps its old mode; a new one is created owner-only
        try (var ch = disk.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(out.array(), 0, out.size());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        disk.move(tmp, storeDirectory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        disk.syncDirectory(storeDirectory);
    }

    /**
     * Reads the checkpoint.
     *
     * @return null when there is none
     * @throws IOException naming the file when it is there but damaged
     */
    static Snapshot read(Disk disk, Path storeDirectory, Canonicals canonicals) throws IOException {
        Path file = storeDirectory.resolve(FILE);
        if (!disk.exists(file)) {
            return null;
        }
        byte[] bytes = disk.readAll(file);
        if (bytes.length < 30) {
            throw new IOException(file + ": checkpoint cut short (" + bytes.length + " bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if ((int) crc.getValue() != stored) {
            throw new IOException(file + ": checkpoint checksum mismatch");
        }
        BinaryReader in = new BinaryReader(bytes, 0, bytes.length - 4);
        try {
            if (in.i32() != MAGIC) {
                throw new IOException(file + ": not a checkpoint (bad magic)");
            }
            int version = (in.u8() << 8) | in.u8();
            if (version != VERSION) {
                throw new IOException(file + ": checkpoint format " + version + ", this build reads " + VERSION);
            }
            long segmentId = in.i64();
            long offset = in.i64();
            int count = in.i32();
            if (count < 0 || count > bytes.length / 8) {
                throw new IOException(file + ": impossible batch count " + count);
            }
            List<StoredBatch> batches = new ArrayList<>(count);
            BatchDecoder decoder = new BatchDecoder(canonicals);
            for (int i = 0; i < count; i++) {
                batches.add(decoder.next(in));
            }
            return new Snapshot(segmentId, offset, batches);
        } catch (MalformedRecordException e) {
            throw new IOException(file + ": checkpoint does not decode: " + e.getMessage(), e);
        }
    }
}
