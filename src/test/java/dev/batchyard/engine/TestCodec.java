package dev.batchyard.engine;

import dev.batchyard.model.EntriesCodec;
import dev.batchyard.model.LogEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The codec engine tests use: the fields {@link Entries} fills, nothing more. */
public final class TestCodec implements EntriesCodec {
    @Override
    public byte[] encode(List<LogEntry> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(entries.size());
            for (LogEntry e : entries) {
                out.writeUTF(e.message());
                out.writeUTF(e.level());
                out.writeUTF(e.timestamp() == null ? "" : e.timestamp().toString());
                Map<String, String> labels = e.labels() == null ? Map.of() : new TreeMap<>(e.labels());
                out.writeInt(labels.size());
                for (var l : labels.entrySet()) {
                    out.writeUTF(l.getKey());
                    out.writeUTF(l.getValue());
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<LogEntry> decode(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            int n = in.readInt();
            List<LogEntry> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String message = in.readUTF();
                String level = in.readUTF();
                String ts = in.readUTF();
                int labelCount = in.readInt();
                Map<String, String> labels = new TreeMap<>();
                for (int l = 0; l < labelCount; l++) {
                    labels.put(in.readUTF(), in.readUTF());
                }
                out.add(LogEntry.builder().message(message).level(level)
                        .timestamp(ts.isEmpty() ? null : OffsetDateTime.parse(ts)).labels(labels).build());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a test encoding: " + e, e);
        }
    }
}
