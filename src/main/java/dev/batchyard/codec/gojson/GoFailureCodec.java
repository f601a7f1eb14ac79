package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.batchyard.model.EntryFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The store's form of a batch's per-entry failures: compact Go JSON, an array of
 * {@code [entry index, failure]} pairs in index order, each failure as {@link GoFailureWriter}
 * writes it without the entry. The Go agent's own JSON is the one form already proven lossless for
 * every value a dead-letter line can hold (unknown keys, {@code null} against absent, Go's zero
 * time, exact numbers), so the store keeps failures in it rather than in a second binary layout;
 * failures are few beside the entries, which keep the compact binary codec.
 *
 * <pre>
 * [[0,{"timestamp":"...","error_message":"...",...,"entry_id":"..."}],[3,{...}]]
 * </pre>
 * An empty map encodes to no bytes at all. Lossless: {@code decode(encode(x))} equals {@code x}.
 * Thread-safe.
 */
public final class GoFailureCodec {
    private static final byte[] NONE = new byte[0];
    private final GoJson json;

    public GoFailureCodec(GoJson json) {
        this.json = json;
    }

    public byte[] encode(Map<Integer, EntryFailure> failures) {
        if (failures.isEmpty()) {
            return NONE;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * failures.size());
        try (JsonGenerator g = json.generator(out, false)) {
            g.writeStartArray();
            for (Map.Entry<Integer, EntryFailure> e : new TreeMap<>(failures).entrySet()) {
                g.writeStartArray();
                g.writeNumber(e.getKey());
                GoFailureWriter.write(g, e.getValue(), null);
                g.writeEndArray();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing entry failures", e);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException naming where, when the bytes are not what {@link #encode} writes */
    public SortedMap<Integer, EntryFailure> decode(byte[] bytes) {
        if (bytes.length == 0) {
            return Collections.emptySortedMap();
        }
        TreeMap<Integer, EntryFailure> out = new TreeMap<>();
        try (JsonParser p = json.parser(bytes)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw JsonShapeException.at(p, "expected an array of entry failures");
            }
            while (p.nextToken() == JsonToken.START_ARRAY) {
                if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                        || p.getIntValue() < 0) {
                    throw JsonShapeException.at(p, "expected an entry index");
                }
                int index = p.getIntValue();
                p.nextToken();
                GoFailureReader.Read read = GoFailureReader.read(p);
                if (read.entry() != null || p.nextToken() != JsonToken.END_ARRAY) {
                    throw JsonShapeException.at(p, "expected [index, failure] for entry " + index);
                }
                if (out.put(index, read.failure()) != null) {
                    throw JsonShapeException.at(p, "entry " + index + " has two failures");
                }
            }
            if (p.currentToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
                throw JsonShapeException.at(p, "expected the end of the entry failures");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("entry failures do not decode: " + e.getMessage(), e);
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
