package dev.batchyard.engine.store;

import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DeliveryReceipt;
import dev.batchyard.model.EntryRejection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payload encoding of {@link StoreRecord}s (the framing and checksum are {@link Frame}'s job).
 *
 * <pre>
 * PUT   (type 1): id str | created time | context map | entryCount varint | meta | entries len i32 + bytes
 *                 | extras str [| failures len i32 + bytes]
 * META  (type 2): id str | meta
 * REMOVE(type 3): id str | cause u8 | reason str
 * PART  (type 4): as a PUT: a batch made by a split or merge, live once a COMMIT names it
 * COMMIT(type 5): removed varint × str | added varint × str | cause u8 | reason str
 * meta:  sink str | state u8 | retries varint | lastAttempt time | reason str | next instant
 *        | attempts varint × (at instant | sink str | duration i64 ns | outcome u8 | error str [| receipt]
 *                             [| rejections])
 *        [| discardedAt instant | discard reason str | discarded by str] [| requeues varint]
 *        [| version of str]
 * state = bits 0-4 the {@link BatchState}, bit 7 set when a soft discard follows the attempts,
 *         bit 6 set when a requeue count follows (after the discard, if any), bit 5 set when the
 *         discard is a version an edit replaced: the id of the batch it is a version of follows last
 * str = varint length + UTF-8; time = flag u8 [+ epochSecond i64, nano i32, offsetSeconds i32];
 * instant = flag u8 [+ epochSecond i64, nano i32]; map = varint count × (str, str)
 * outcome = bits 0-5 the {@link Attempt.Outcome}, bit 7 set when a receipt ({@link ReceiptCodec}) follows,
 *           bit 6 set when the attempt's per-entry rejections follow (after the receipt, if any)
 * rejections = reasons varint × str | count varint × (index gap varint | reason number varint)
 *              (the distinct reasons once, then each rejected entry by its distance from the one
 *              before, the first from -1, and the number of its reason in the list)
 * </pre>
 *
 * <p><b>Format evolution.</b> Segments and the checkpoint carry a format version that a reader
 * must know ({@link SegmentHeader}, {@link Checkpoint}); within version 1, fields are added only
 * behind a flag an older record never sets, or as a last part of a record that is left out when
 * empty (a reader takes the record's end as "none"), so every store written before reads
 * unchanged. The receipt is such a flagged field: a store whose sinks never gave one is byte for
 * byte as before; so are the soft discard (bit 7 of the state), the {@code HELD} state (4) and the
 * requeue count (bit 6 of the state: a batch never requeued nor rerouted is written as before), the
 * version an edit kept (bit 5 of the state: only such versions set it) and an
 * attempt's per-entry rejections (bit 6 of the outcome: an attempt without them is written as before). A
 * PUT's per-entry failures are such a last part: a PUT without failures is byte for byte what
 * stores before them wrote. A build from before any of these reads a record that uses it as
 * malformed (bytes left over, an unknown state or flag), reports it as damaged and sets its batch
 * aside: nothing is lost, but such a store needs this build or a newer one.
 */
final class RecordCodec {
    static final int PUT = 1;
    static final int META = 2;
    static final int REMOVE = 3;
    static final int PART = 4;
    static final int COMMIT = 5;
    /** Bit 7 of a meta's state byte: a soft discard follows the attempts. */
    static final int DISCARD_FLAG = 0x80;
    /** Bit 6 of a meta's state byte: a requeue count follows the discard (or the attempts). */
    static final int REQUEUE_FLAG = 0x40;
    /** Bit 5 of a meta's state byte: the discard is a version an edit replaced; whose follows last. */
    static final int VERSION_FLAG = 0x20;
    /** Bit 6 of an attempt's outcome byte: its per-entry rejections follow (after the receipt, if any). */
    static final int REJECTIONS_FLAG = 0x40;

    private RecordCodec() {
    }

    static int type(StoreRecord record) {
        if (record instanceof StoreRecord.Put) {
            return PUT;
        }
        if (record instanceof StoreRecord.Commit) {
            return COMMIT;
        }
        return record instanceof StoreRecord.MetaUpdate ? META : REMOVE;
    }

    static byte[] encode(StoreRecord record) {
        BinaryWriter out;
        if (record instanceof StoreRecord.Put p) {
            out = new BinaryWriter(p.entries().length + 256);
            writePutHead(out, p);
            out.bytes(p.entries(), 0, p.entries().length);
            writePutTail(out, p);
        } else if (record instanceof StoreRecord.MetaUpdate m) {
            out = new BinaryWriter(128);
            out.string(m.id());
            writeMeta(out, m.meta());
        } else if (record instanceof StoreRecord.Commit c) {
            out = new BinaryWriter(128);
            out.varint(c.removed().size());
            c.removed().forEach(out::string);
            out.varint(c.added().size());
            c.added().forEach(out::string);
            out.u8(c.cause().ordinal()).string(c.reason());
        } else {
            StoreRecord.Removal r = (StoreRecord.Removal) record;
            out = new BinaryWriter(64);
            out.string(r.id()).u8(r.cause().ordinal()).string(r.reason());
        }
        return out.toByteArray();
    }

    /** A PUT's payload up to its entries: everything before them, including their length. */
    static void writePutHead(BinaryWriter out, StoreRecord.Put p) {
        out.string(p.id()).time(p.createdAt());
        out.varint(p.context().size());
        p.context().forEach((k, v) -> out.string(k).string(v));
        out.varint(p.entryCount());
        writeMeta(out, p.meta());
        out.i32(p.entries().length);
    }

    /** A PUT's payload after its entries: the extras, then the failures if it has any. */
    static void writePutTail(BinaryWriter out, StoreRecord.Put p) {
        out.string(p.extras());
        if (p.failures().length > 0) {
            out.i32(p.failures().length);
            out.bytes(p.failures(), 0, p.failures().length);
        }
    }

    static StoreRecord decode(int type, byte[] payload, int off, int len) {
        return decode(type, payload, off, len, true);
    }

    /** As {@link #decode(int, byte[], int, int)}; without entries, a PUT's entries are left empty. */
    static StoreRecord decode(int type, byte[] payload, int off, int len, boolean withEntries) {
        BinaryReader in = new BinaryReader(payload, off, len);
        StoreRecord record = switch (type) {
            case PUT, PART -> {
                String id = in.string();
                var created = in.time();
                int contextSize = in.varint();
                Map<String, String> context = new LinkedHashMap<>();
                for (int i = 0; i < contextSize; i++) {
                    context.put(in.string(), in.string());
                }
                int entryCount = in.varint();
                BatchMeta meta = readMeta(in);
                int entriesLength = in.i32();
                byte[] entries = withEntries ? in.bytes(entriesLength) : in.skip(entriesLength);
                String extras = in.string();
                byte[] failures = null;
                if (in.remaining() > 0) {
                    int failuresLength = in.i32();
                    failures = withEntries ? in.bytes(failuresLength) : in.skip(failuresLength);
                }
                yield new StoreRecord.Put(id, created, context, entryCount, meta, entries, extras, failures);
            }
            case META -> new StoreRecord.MetaUpdate(in.string(), readMeta(in));
            case COMMIT -> {
                List<String> removed = ids(in);
                List<String> added = ids(in);
                int cause = in.u8();
                if (cause >= RemovalCause.values().length || removed.isEmpty() || added.isEmpty()) {
                    throw new MalformedRecordException("a commit of " + removed.size() + " removed and " + added.size()
                            + " added batches, cause " + cause);
                }
                yield new StoreRecord.Commit(removed, added, RemovalCause.values()[cause], in.string());
            }
            case REMOVE -> {
                String id = in.string();
                int cause = in.u8();
                if (cause >= RemovalCause.values().length) {
                    throw new MalformedRecordException("unknown removal cause " + cause);
                }
                yield new StoreRecord.Removal(id, RemovalCause.values()[cause], in.string());
            }
            default -> throw new MalformedRecordException("unknown record type " + type);
        };
        if (in.remaining() != 0) {
            throw new MalformedRecordException(in.remaining() + " bytes left over after a type " + type + " record");
        }
        return record;
    }

    private static List<String> ids(BinaryReader in) {
        int count = in.varint();
        if (count < 0 || count > in.remaining()) {
            throw new MalformedRecordException("a list of " + count + " batch ids");
        }
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.string());
        }
        return ids;
    }

    static void writeMeta(BinaryWriter out, BatchMeta meta) {
        out.string(meta.sink()).u8(meta.state().ordinal() | (meta.discarded() ? DISCARD_FLAG : 0)
                | (meta.requeues() > 0 ? REQUEUE_FLAG : 0) | (isVersion(meta) ? VERSION_FLAG : 0)).varint(meta.retryCount())
                .time(meta.lastAttempt()).string(meta.failureReason()).instant(meta.nextAttemptAt());
        out.varint(meta.attempts().size());
        for (Attempt a : meta.attempts()) {
            boolean receipt = !a.receipt().isEmpty();
            boolean rejections = !a.rejections().isEmpty();
            out.instant(a.at()).string(a.sink()).i64(a.duration().toNanos())
                    .u8(a.outcome().ordinal() | (receipt ? ReceiptCodec.FLAG : 0) | (rejections ? REJECTIONS_FLAG : 0))
                    .string(a.error());
            if (receipt) {
                ReceiptCodec.write(out, a.receipt());
            }
            if (rejections) {
                writeRejections(out, a.rejections());
            }
        }
        if (meta.discarded()) {
            out.instant(meta.discard().at()).string(meta.discard().reason()).string(meta.discard().actor());
        }
        if (meta.requeues() > 0) {
            out.varint(meta.requeues());
        }
        if (isVersion(meta)) {
            out.string(meta.discard().versionOf());
        }
    }

    private static boolean isVersion(BatchMeta meta) {
        return meta.discarded() && meta.discard().isVersion();
    }

    /** Sorted by index (as {@link Attempt} keeps them), each reason written once. */
    private static void writeRejections(BinaryWriter out, List<EntryRejection> rejections) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        rejections.forEach(r -> numbers.putIfAbsent(r.reason(), numbers.size()));
        out.varint(numbers.size());
        numbers.keySet().forEach(out::string);
        out.varint(rejections.size());
        int previous = -1;
        for (EntryRejection r : rejections) {
            out.varint(r.index() - previous).varint(numbers.get(r.reason()));
            previous = r.index();
        }
    }

    private static List<EntryRejection> readRejections(BinaryReader in) {
        int reasonCount = in.varint();
        if (reasonCount <= 0 || reasonCount > in.remaining()) {
            throw new MalformedRecordException("a rejection list with " + reasonCount + " reasons");
        }
        List<String> reasons = new ArrayList<>(reasonCount);
        for (int i = 0; i < reasonCount; i++) {
            reasons.add(in.string());
        }
        int count = in.varint();
        if (count <= 0 || count > in.remaining()) {
            throw new MalformedRecordException("a rejection list of " + count + " entries");
        }
        List<EntryRejection> out = new ArrayList<>(count);
        long index = -1;
        for (int i = 0; i < count; i++) {
            int gap = in.varint();
            int reason = in.varint();
            index += gap;
            if (gap <= 0 || index > Integer.MAX_VALUE || reason < 0 || reason >= reasonCount) {
                throw new MalformedRecordException("malformed rejection " + i + " (gap " + gap + ", reason " + reason + ")");
            }
            out.add(new EntryRejection((int) index, reasons.get(reason)));
        }
        return out;
    }

    static BatchMeta readMeta(BinaryReader in) {
        return readMeta(in, in.string());
    }

    /** The rest of a meta whose sink was already read. */
    static BatchMeta readMeta(BinaryReader in, String sink) {
        int stateByte = in.u8();
        int state = stateByte & ~(DISCARD_FLAG | REQUEUE_FLAG | VERSION_FLAG);
        if (state >= BatchState.values().length || state == BatchState.IN_FLIGHT.ordinal()) {
            throw new MalformedRecordException("impossible stored state " + state);
        }
        int retries = in.varint();
        var last = in.time();
        String reason = in.string();
        var next = in.instant();
        int count = in.varint();
        if (count > BatchMeta.MAX_ATTEMPTS) {
            throw new MalformedRecordException(count + " attempts, at most " + BatchMeta.MAX_ATTEMPTS + " are kept");
        }
        List<Attempt> attempts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            var at = in.instant();
            String attemptSink = in.string();
            long nanos = in.i64();
            int flagged = in.u8();
            int outcome = flagged & ~(ReceiptCodec.FLAG | REJECTIONS_FLAG);
            if (at == null || outcome >= Attempt.Outcome.values().length) {
                throw new MalformedRecordException("malformed attempt " + i);
            }
            String error = in.string();
            DeliveryReceipt receipt = (flagged & ReceiptCodec.FLAG) != 0 ? ReceiptCodec.read(in) : DeliveryReceipt.NONE;
            List<EntryRejection> rejections = (flagged & REJECTIONS_FLAG) != 0 ? readRejections(in) : List.of();
            attempts.add(new Attempt(at, attemptSink, Duration.ofNanos(nanos), Attempt.Outcome.values()[outcome], error,
                    receipt, rejections));
        }
        BatchMeta.Discard discard = null;
        if ((stateByte & DISCARD_FLAG) != 0) {
            var at = in.instant();
            if (at == null) {
                throw new MalformedRecordException("a discard without its time");
            }
            discard = new BatchMeta.Discard(at, in.string(), in.string());
        }
        int requeues = (stateByte & REQUEUE_FLAG) != 0 ? in.varint() : 0;
        if (requeues < 0) {
            throw new MalformedRecordException("a requeue count of " + requeues);
        }
        if ((stateByte & VERSION_FLAG) != 0) {
            String versionOf = in.string();
            if (discard == null || versionOf.isEmpty()) {
                throw new MalformedRecordException("a kept version without its discard or its batch's id");
            }
            discard = new BatchMeta.Discard(discard.at(), discard.reason(), discard.actor(), versionOf);
        }
        return new BatchMeta(sink, BatchState.values()[state], retries, last, reason, next, attempts, discard, requeues);
    }
}
