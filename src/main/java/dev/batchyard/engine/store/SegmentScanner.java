package dev.batchyard.engine.store;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one segment file front to back, handing each valid record to a visitor and describing
 * every damaged region instead of throwing. After a bad frame it looks for the next valid frame
 * (length in range, known type, CRC match), so one flipped byte costs one record, not the rest of
 * the segment. Whether damage at the very end is a torn write (cut it) or corruption (keep the file
 * aside) is the caller's decision: only the newest segment can have been cut by a crash.
 *
 * <p>Zeros from a frame's start to the end of the file end the records without damage
 * ({@code validEnd} before {@code fileSize}): in the newest segment they are the unwritten rest of a
 * pre-written one ({@link SpareSegment}); in an older one, damage, which the caller decides as it
 * does for a damaged tail. No valid frame starts with zeros through its type byte, and damage followed
 * by zeros is measured to its last byte that is not zero, so a torn write in a pre-written segment is
 * as long as what was written.
 */
final class SegmentScanner {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Receives each valid frame in file order, still encoded, so the caller decodes only what it
     * needs ({@link RecordCodec}, {@link BatchDecoder}). A {@link MalformedRecordException} it throws
     * marks the frame as damaged: its checksum matched, but it does not decode.
     */
    interface Visitor {
        void accept(long segmentId, long offset, int frameLength, int type, byte[] buf, int payloadOffset,
                    int payloadLength);
    }

    /** A region of the file that holds no valid record. */
    record Damage(long offset, long length, String detail) {
    }

    /**
     * @param validEnd where the last valid record ends (the cut point for a torn tail; before the end
     *                 of a clean file when a tail of zeros follows it)
     * @param damage   damaged regions in file order
     * @param damagedTail whether the last damaged region runs to the end of the file (or to the
     *                    zeros that end it)
     */
    record Outcome(long fileSize, long validEnd, List<Damage> damage, boolean damagedTail) {
        boolean clean() {
            return damage.isEmpty();
        }
    }

    private SegmentScanner() {
    }

    static Outcome scan(Disk disk, Path file, long segmentId, Visitor visitor) throws IOException {
        byte[] buf = disk.readAll(file);
        int size = buf.length;
        int contentEnd = contentEnd(buf);
        List<Damage> damage = new ArrayList<>();
        String headerProblem = SegmentHeader.problem(ByteBuffer.wrap(buf), segmentId);
        int pos = SegmentHeader.SIZE;
        if (headerProblem != null) {
            int next = size < SegmentHeader.SIZE ? -1 : resync(buf, SegmentHeader.SIZE, contentEnd);
            damage.add(new Damage(0, (next < 0 ? contentEnd : next), headerProblem));
            if (next < 0) {
                return new Outcome(size, 0, damage, true);
            }
            pos = next;
        }
        while (pos < size) {
            String problem = frameProblem(buf, pos);
            if (problem == null) {
                int length = ByteBuffer.wrap(buf, pos, 4).getInt();
                int frameLength = Frame.HEADER + length;
                try {
                    visitor.accept(segmentId, pos, frameLength, buf[pos + 8], buf, pos + Frame.HEADER, length);
                } catch (MalformedRecordException e) {
                    damage.add(new Damage(pos, frameLength, "checksum matches but record does not decode: " + e.getMessage()));
                }
                pos += frameLength;
                continue;
            }
            if (pos >= contentEnd) {
                return new Outcome(size, pos, damage, false); // the zeros of a pre-written segment
            }
            int next = resync(buf, pos + 1, contentEnd);
            if (next < 0) {
                damage.add(new Damage(pos, contentEnd - pos, problem));
                return new Outcome(size, pos, damage, true);
            }
            damage.add(new Damage(pos, next - pos, problem));
            pos = next;
        }
        return new Outcome(size, pos, damage, false);
    }

    /** Why the frame at {@code pos} is not valid, or null when it is. */
    static String frameProblem(byte[] buf, int pos) {
        int left = buf.length - pos;
        if (left < Frame.HEADER) {
            return "record header cut short (" + left + " bytes)";
        }
        ByteBuffer view = ByteBuffer.wrap(buf, pos, Frame.HEADER);
        int length = view.getInt();
        int crc = view.getInt();
        int type = view.get();
        if (length < 0 || length > Frame.MAX_PAYLOAD) {
            return "impossible record length " + length;
        }
        if (!Frame.plausibleType(type)) {
            return "unknown record type " + type;
        }
        if (length > left - Frame.HEADER) {
            return "record of " + length + " bytes cut short at " + (left - Frame.HEADER);
        }
        if (Frame.crc(type, buf, pos + Frame.HEADER, length) != crc) {
            return "checksum mismatch";
        }
        return null;
    }

    /**
     * The offset of the next valid frame at or after {@code from}, or -1. A frame's type byte is
     * not zero, so none starts where that byte would lie at or past {@code contentEnd}.
     */
    private static int resync(byte[] buf, int from, int contentEnd) {
        for (int pos = from; pos <= buf.length - Frame.HEADER && pos + 8 < contentEnd; pos++) {
            if (frameProblem(buf, pos) == null) {
                return pos;
            }
        }
        return -1;
    }

    /** Where the bytes that are not zero end: the file's length, less the zeros at its end. */
    static int contentEnd(byte[] buf) {
        int end = buf.length;
        while (end >= Long.BYTES && (long) WORDS.get(buf, end - Long.BYTES) == 0) {
            end -= Long.BYTES; // a word at a time: a pre-written segment ends in up to 64 MB of zeros
        }
        while (end > 0 && buf[end - 1] == 0) {
            end--;
        }
        return end;
    }
}
