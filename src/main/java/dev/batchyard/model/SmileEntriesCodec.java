package dev.batchyard.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's {@link EntriesCodec}: Jackson Smile over the entries' own fields (see
 * {@link ExactEntryWriter}), with Smile's back-references for repeated key names and short string
 * values, optionally compressed. Thread-safe.
 *
 * <pre>
 * offset  size  field
 * 0       1     format version, currently 1
 * 1       1     compression: 0 none, 1 Deflate, 2 LZ4 block
 * 2       4     uncompressed length, big-endian (only when compressed)
 * 2 or 6  ...   Smile document (with its 4-byte header): an array of entry objects
 * </pre>
 */
public final class SmileEntriesCodec implements EntriesCodec {
    static final byte VERSION = 1;

    private final SmileFactory smile;
    private final Compression compression;

    /** The default the store uses. */
    public SmileEntriesCodec() {
        this(Compression.NONE);
    }

    public SmileEntriesCodec(Compression compression) {
        this.compression = compression;
        smile = SmileFactory.builder()
                .enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES)
                .enable(SmileGenerator.Feature.CHECK_SHARED_NAMES)
                .build();
    }

    @Override
    public byte[] encode(List<LogEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + entries.size() * 160);
        out.write(VERSION);
        out.write(compression.id());
        try (JsonGenerator g = smile.createGenerator(out)) {
            ExactEntryWriter w = new ExactEntryWriter(g);
            g.writeStartArray();
            for (LogEntry e : entries) {
                w.write(e);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding " + entries.size() + " entries", e);
        }
        byte[] plain = out.toByteArray();
        return compression.compress(plain, 2);
    }

    @Override
    public List<LogEntry> decode(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            throw new IllegalArgumentException("entries record: " + (bytes == null ? 0 : bytes.length)
                    + " bytes is too short for a header");
        }
        if (bytes[0] != VERSION) {
            throw new IllegalArgumentException("entries record: unknown format version " + bytes[0]
                    + " at offset 0 (this build reads version " + VERSION + ")");
        }
        byte[] plain;
        int from;
        Compression c = Compression.byId(bytes[1]);
        if (c == Compression.NONE) {
            plain = bytes;
            from = 2;
        } else {
            plain = c.decompress(bytes, 2);
            from = 0;
        }
        try (JsonParser p = smile.createParser(plain, from, plain.length - from)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw JsonShapeException.at(p, "expected an array of entries");
            }
            ExactEntryReader r = new ExactEntryReader(p);
            List<LogEntry> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(r.read());
            }
            if (p.nextToken() != null) {
                throw JsonShapeException.at(p, "unexpected data after the entries");
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("entries record: not a valid " + c + " Smile encoding ("
                    + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }
}
