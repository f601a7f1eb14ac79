package dev.batchyard.serve.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Protocol Buffers' wire format, read from a byte array: tags, varints, fixed-width numbers and
 * length-delimited fields, and skipping what a message does not know (as protobuf requires, so a
 * newer shipper's extra fields are ignored). Enough for the few messages of Loki's push request,
 * without generated code or the protobuf runtime. Every length is checked against the bytes left,
 * so a lying length fails at once, naming the offset, instead of allocating or reading past the end.
 * Not thread-safe; one reader per message.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] bytes;
    private final int end;
    private int position;
    private int tag;

    ProtoReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private ProtoReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.position = from;
        this.end = to;
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() {
        if (position >= end) {
            return false;
        }
        long t = varint();
        if (t >>> 3 == 0 || t > Integer.MAX_VALUE) {
            throw malformed("a field number of 0 or out of range");
        }
        tag = (int) t;
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    int wireType() {
        return tag & 7;
    }

    long varintField(String name) {
        expect(VARINT, name);
        return varint();
    }

    String stringField(String name) {
        int length = length(name);
        String s = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return s;
    }

    /** The embedded message of this field, as a reader of its own bytes. */
    ProtoReader messageField(String name) {
        int length = length(name);
        ProtoReader inner = new ProtoReader(bytes, position, position + length);
        position += length;
        return inner;
    }

    /** Skips the current field, whatever it holds. */
    void skip() {
        switch (wireType()) {
            case VARINT -> varint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(length("field " + field()));
            case FIXED32 -> advance(4);
            default -> throw malformed("field " + field() + " has wire type " + wireType()
                    + ", which is not a type protobuf 3 writes");
        }
    }

    /** Where this reader stands, from the start of the whole body. */
    int offset() {
        return position;
    }

    private int length(String name) {
        expect(LENGTH_DELIMITED, name);
        long length = varint();
        if (length > end - position) {
            throw malformed(name + " claims " + length + " bytes, but only " + (end - position) + " are left");
        }
        return (int) length;
    }

    private void advance(int n) {
        if (n > end - position) {
            throw malformed("field " + field() + " runs past the end of its message");
        }
        position += n;
    }

    private void expect(int wireType, String name) {
        if (wireType() != wireType) {
            throw malformed(name + " (field " + field() + ") has wire type " + wireType() + ", expected " + wireType);
        }
    }

    private long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw malformed("a number runs past the end of its message");
            }
            byte b = bytes[position++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw malformed("a number is longer than 10 bytes");
    }

    private MalformedBodyException malformed(String what) {
        return new MalformedBodyException("not a valid protobuf message at byte " + position + ": " + what);
    }
}
