package dev.batchyard.serve.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loki's protobuf push body ({@code logproto.PushRequest}, {@code pkg/push/push.proto} in Loki),
 * already decompressed:
 * <pre>
 * PushRequest      { repeated StreamAdapter streams = 1; }
 * StreamAdapter    { string labels = 1; repeated EntryAdapter entries = 2; uint64 hash = 3; }
 * EntryAdapter     { Timestamp timestamp = 1; string line = 2;
 *                    repeated LabelPairAdapter structuredMetadata = 3; repeated LabelPairAdapter parsed = 4; }
 * LabelPairAdapter { string name = 1; string value = 2; }
 * Timestamp        { int64 seconds = 1; int32 nanos = 2; }
 * </pre>
 * {@code hash} and {@code parsed} are Loki-internal and ignored, as are fields this version does
 * not know. Read with {@link ProtoReader} (why by hand: see there). Stateless.
 */
final class LokiProtobuf {
    private LokiProtobuf() {
    }

    static LokiPush decode(byte[] body) {
        List<LokiPush.Stream> streams = new ArrayList<>();
        ProtoReader push = new ProtoReader(body);
        while (push.next()) {
            if (push.field() == 1) {
                streams.add(stream(push.messageField("streams"), "streams[" + streams.size() + "]"));
            } else {
                push.skip();
            }
        }
        return new LokiPush(streams);
    }

    private static LokiPush.Stream stream(ProtoReader r, String where) {
        String labels = null;
        List<LokiPush.Entry> entries = new ArrayList<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> labels = r.stringField(where + ".labels");
                case 2 -> entries.add(entry(r.messageField(where + ".entries"), where + ".entries[" + entries.size() + "]"));
                default -> r.skip();
            }
        }
        if (labels == null) {
            throw new MalformedBodyException(where + ": has no labels; Loki needs at least one label per stream");
        }
        return new LokiPush.Stream(LokiLabels.check(LabelSet.parse(labels, where + ".labels"), where), entries);
    }

    private static LokiPush.Entry entry(ProtoReader r, String where) {
        long seconds = 0;
        long nanos = 0;
        boolean timed = false;
        String line = "";
        Map<String, String> metadata = new LinkedHashMap<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> {
                    ProtoReader ts = r.messageField(where + ".timestamp");
                    timed = true;
                    while (ts.next()) {
                        switch (ts.field()) {
                            case 1 -> seconds = ts.varintField(where + ".timestamp.seconds");
                            case 2 -> nanos = (int) ts.varintField(where + ".timestamp.nanos");
                            default -> ts.skip();
                        }
                    }
                }
                case 2 -> line = r.stringField(where + ".line");
                case 3 -> pair(r.messageField(where + ".structuredMetadata"), metadata,
                        where + ".structuredMetadata[" + metadata.size() + "]");
                default -> r.skip();
            }
        }
        if (!timed) {
            throw new MalformedBodyException(where + ": has no timestamp");
        }
        return LokiTimes.entry(seconds, nanos, line, metadata, () -> where);
    }

    private static void pair(ProtoReader r, Map<String, String> into, String where) {
        String name = "";
        String value = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> name = r.stringField(where + ".name");
                case 2 -> value = r.stringField(where + ".value");
                default -> r.skip();
            }
        }
        LokiLabels.putMetadata(into, name, value, where);
    }
}
