package dev.batchyard.serve.ingest;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.xerial.snappy.Snappy;

/**
 * Loki push bodies as Promtail and Alloy put them on the wire, written with protobuf's reference
 * encoder (field by field, as the generated code of Loki's {@code push.proto} writes them) and
 * compressed with the reference snappy implementation: an encoder independent of the decoder
 * under test.
 */
final class LokiProtoBodies {
    private final ByteArrayOutputStream streams = new ByteArrayOutputStream();

    /** A stream: its labels in Prometheus text form and its entries. */
    LokiProtoBodies stream(String labels, Entry... entries) {
        ByteArrayOutputStream entryBytes = new ByteArrayOutputStream();
        byte[] stream = message(out -> {
            out.writeString(1, labels);
            for (Entry e : entries) {
                out.writeByteArray(2, e.bytes());
            }
            out.writeUInt64(3, 12345L); // Loki's hash: ignored
        });
        write(streams, out -> out.writeByteArray(1, stream));
        return this;
    }

    byte[] protobuf() {
        return streams.toByteArray();
    }

    byte[] snappy() {
        try {
            return Snappy.compress(protobuf());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Entry entry(long seconds, int nanos, String line, Map<String, String> metadata) {
        byte[] ts = message(out -> {
            out.writeInt64(1, seconds);
            out.writeInt32(2, nanos);
        });
        return new Entry(message(out -> {
            out.writeByteArray(1, ts);
            out.writeString(2, line);
            for (Map.Entry<String, String> m : metadata.entrySet()) {
                out.writeByteArray(3, message(p -> {
                    p.writeString(1, m.getKey());
                    p.writeString(2, m.getValue());
                }));
            }
        }));
    }

    record Entry(byte[] bytes) {
    }

    interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    static byte[] message(Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(bytes, fields);
        return bytes.toByteArray();
    }

    private static void write(ByteArrayOutputStream into, Fields fields) {
        try {
            CodedOutputStream out = CodedOutputStream.newInstance(into);
            fields.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
