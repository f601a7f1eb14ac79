package dev.batchyard.engine.store;

import dev.batchyard.model.BatchState;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the batches of a {@link Checkpoint}, and of the PUT records a replay reads, one after
 * the other, as fast as a reopen of a million batches needs: the creation time stays numbers, the usual context, the metadata of a
 * never-attempted batch and the sink names are recognised in the bytes and shared instead of being
 * built per batch. Anything else takes the general path of {@link RecordCodec}. Malformed input
 * raises {@link MalformedRecordException}, like every reader of the store's bytes. Not thread-safe.
 */
final class BatchDecoder {
    private static final long MIN_SECOND = LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_SECOND = LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC);
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;
    /** The Go context's one pair as {@link BinaryWriter} writes it. */
    private static final byte[] GO_CONTEXT_PAIR = pair(Map.of("created_by", "batch_persistence"));
    /** What follows the sink in a never-attempted PENDING batch's meta (see {@link RecordCodec#writeMeta}). */
    private static final byte[] FRESH_AFTER_SINK = freshAfterSink();
    private static final int SINK_CACHE = 16;

    private final Canonicals canonicals;
    private final List<byte[]> sinkBytes = new ArrayList<>();
    private final List<String> sinks = new ArrayList<>();
    private BinaryReader in;
    // the head of the batch being decoded: what a checkpoint entry and a PUT record start with
    private String id;
    private long second;
    private int nano;
    private int offsetSeconds;
    private Map<String, String> context;
    private int entryCount;
    private BatchMeta meta;

    BatchDecoder(Canonicals canonicals) {
        this.canonicals = canonicals;
    }

    /** A checkpoint's next batch: head | segment i64 | offset i64 | length i32. */
    StoredBatch next(BinaryReader from) {
        readHead(from);
        long segment = in.i64();
        long offset = in.i64();
        int length = in.i32();
        if (offset < 0 || length <= 0) {
            throw new MalformedRecordException("batch '" + id + "': impossible location " + offset + "+" + length);
        }
        return StoredBatch.restored(id, second, nano, offsetSeconds, context, entryCount, meta, segment, offset, length);
    }

    /**
     * The batch a PUT record's payload describes, stored at the given place: head | entries length
     * i32 | entries | extras str [| failures length i32 | failures]. A replay needs only the
     * metadata, so the entries, extras and failures are skipped (their lengths are still checked, as
     * {@link RecordCodec} does).
     */
    StoredBatch put(BinaryReader payload, long segment, long offset, int length) {
        readHead(payload);
        in.skip(in.i32());
        in.skip(in.varint());
        if (in.remaining() > 0) {
            in.skip(in.i32());
        }
        if (in.remaining() != 0) {
            throw new MalformedRecordException(in.remaining() + " bytes left over after a batch record");
        }
        return StoredBatch.restored(id, second, nano, offsetSeconds, context, entryCount, meta, segment, offset, length);
    }

    /** id str | created time | context map | entryCount varint | meta */
    private void readHead(BinaryReader from) {
        in = from;
        id = in.string();
        if (in.u8() != 1) {
            throw new MalformedRecordException("batch '" + id + "' has no creation time");
        }
        second = in.i64();
        nano = in.i32();
        offsetSeconds = in.i32();
        if (nano < 0 || nano > 999_999_999 || Math.abs(offsetSeconds) > MAX_OFFSET_SECONDS
                || second < MIN_SECOND + MAX_OFFSET_SECONDS || second > MAX_SECOND - MAX_OFFSET_SECONDS) {
            throw new MalformedRecordException("batch '" + id + "': impossible creation time " + second + "s " + nano
                    + "ns " + offsetSeconds + "s offset");
        }
        context = context();
        entryCount = in.varint();
        String sink = sink();
        meta = in.skipIf(FRESH_AFTER_SINK) ? canonicals.fresh(sink) : canonicals.meta(RecordCodec.readMeta(in, sink));
    }

    private Map<String, String> context() {
        int size = in.varint();
        if (size == 0) {
            return Map.of();
        }
        if (size == 1 && in.skipIf(GO_CONTEXT_PAIR)) {
            return canonicals.goContext();
        }
        Map<String, String> context = new LinkedHashMap<>();
        for (int c = 0; c < size; c++) {
            context.put(in.string(), in.string());
        }
        return canonicals.context(Map.copyOf(context));
    }

    /** The sink name, shared with every earlier batch of the same sink. */
    private String sink() {
        for (int i = 0; i < sinkBytes.size(); i++) {
            if (in.skipIf(sinkBytes.get(i))) {
                return sinks.get(i);
            }
        }
        String sink = in.string();
        if (sinks.size() < SINK_CACHE) {
            sinkBytes.add(new BinaryWriter(sink.length() + 5).string(sink).toByteArray());
            sinks.add(sink);
        }
        return sink;
    }

    private static byte[] pair(Map<String, String> one) {
        BinaryWriter out = new BinaryWriter(64);
        one.forEach((k, v) -> out.string(k).string(v));
        return out.toByteArray();
    }

    private static byte[] freshAfterSink() {
        BinaryWriter out = new BinaryWriter(16);
        RecordCodec.writeMeta(out, new BatchMeta("", BatchState.PENDING, 0, null, "", null, List.of()));
        byte[] all = out.toByteArray();
        int sinkLength = new BinaryWriter(1).string("").size();
        byte[] tail = new byte[all.length - sinkLength];
        System.arraycopy(all, sinkLength, tail, 0, tail.length);
        return tail;
    }
}
