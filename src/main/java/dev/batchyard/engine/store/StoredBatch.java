package dev.batchyard.engine.store;

import dev.batchyard.time.EpochTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What the in-memory index holds for one batch: everything but its entries, and where its record
 * is. Immutable. Kept compact because a store may hold a million of them: the creation time is
 * stored as numbers (an {@code OffsetDateTime} is four objects) and the location inline.
 */
public final class StoredBatch {
    private final String id;
    private final long createdSecond;
    private final int createdNano;
    private final int createdOffsetSeconds;
    private final Map<String, String> context;
    private final int entryCount;
    private final BatchMeta meta;
    private final long segmentId;
    private final long offset;
    private final int length;

    StoredBatch(String id, OffsetDateTime createdAt, Map<String, String> context, int entryCount, BatchMeta meta,
                Location location) {
        this(id, createdAt.toEpochSecond(), createdAt.getNano(), createdAt.getOffset().getTotalSeconds(), context,
                entryCount, meta, location.segmentId(), location.offset(), location.length());
    }

    private StoredBatch(String id, long createdSecond, int createdNano, int createdOffsetSeconds, Map<String, String> context,
                        int entryCount, BatchMeta meta, long segmentId, long offset, int length) {
        this.id = id;
        this.createdSecond = createdSecond;
        this.createdNano = createdNano;
        this.createdOffsetSeconds = createdOffsetSeconds;
        this.context = context;
        this.entryCount = entryCount;
        this.meta = meta;
        this.segmentId = segmentId;
        this.offset = offset;
        this.length = length;
    }

    /** A batch as a checkpoint lists it: the creation time as numbers, already checked. */
    static StoredBatch restored(String id, long createdSecond, int createdNano, int createdOffsetSeconds,
                                Map<String, String> context, int entryCount, BatchMeta meta, long segmentId, long offset,
                                int length) {
        return new StoredBatch(id, createdSecond, createdNano, createdOffsetSeconds, context, entryCount, meta,
                segmentId, offset, length);
    }

    public String id() {
        return id;
    }

    /** The creation time with the offset it was written with. */
    public OffsetDateTime createdAt() {
        return EpochTime.of(createdSecond, createdNano, createdOffsetSeconds);
    }

    /** The creation instant, without the offset: one allocation where {@link #createdAt()} makes four. */
    public Instant createdInstant() {
        return Instant.ofEpochSecond(createdSecond, createdNano);
    }

    /** The creation instant in nanoseconds since the epoch: cheap to compare. */
    public long createdEpochNanos() {
        return createdSecond * 1_000_000_000L + createdNano;
    }

    public Map<String, String> context() {
        return context;
    }

    public int entryCount() {
        return entryCount;
    }

    public BatchMeta meta() {
        return meta;
    }

    public Location location() {
        return new Location(segmentId, offset, length);
    }

    /** The segment of the batch's record (as {@code location().segmentId()}, without the allocation). */
    long segmentId() {
        return segmentId;
    }

    long offset() {
        return offset;
    }

    /** The creation instant's whole seconds since the epoch (with {@link #createdNano()}: read without allocating). */
    public long createdSecond() {
        return createdSecond;
    }

    public int createdNano() {
        return createdNano;
    }

    int createdOffsetSeconds() {
        return createdOffsetSeconds;
    }

    /** The length of the batch's record frame in bytes (as {@code location().length()}, without the allocation). */
    public int length() {
        return length;
    }

    StoredBatch withMeta(BatchMeta newMeta) {
        return new StoredBatch(id, createdSecond, createdNano, createdOffsetSeconds, context, entryCount, newMeta,
                segmentId, offset, length);
    }

    StoredBatch at(Location l) {
        return new StoredBatch(id, createdSecond, createdNano, createdOffsetSeconds, context, entryCount, meta,
                l.segmentId(), l.offset(), l.length());
    }

    static StoredBatch of(StoreRecord.Put put, Location location, Canonicals canonicals) {
        return new StoredBatch(put.id(), put.createdAt(), canonicals.context(put.context()), put.entryCount(),
                canonicals.meta(put.meta()), location);
    }

    /** The record that rewrites this batch as it is now, with the entries, extras and failures of its old record. */
    StoreRecord.Put toPut(StoreRecord.Put old) {
        return new StoreRecord.Put(id, createdAt(), context, entryCount, meta, old.entries(), old.extras(),
                old.failures());
    }

    @Override
    public String toString() {
        return "StoredBatch[" + id + " " + meta.state() + " at " + location() + "]";
    }
}
