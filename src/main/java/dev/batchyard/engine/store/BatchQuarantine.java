package dev.batchyard.engine.store;

import dev.batchyard.model.DamageKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happens to a batch whose record turns out damaged when it is read, after the store opened
 * (bit rot, or damage in a segment the checkpoint kept the open from scanning): it is never given
 * out as if it were whole, and never counted as a delivery failure.
 *
 * <p>In a writable store its segment is rescued as at open ({@link DamagedSegmentRescue}): the
 * segment is sealed (the log rolls to a new one if it was the one being written), every readable
 * batch in it moves to the head of the log, the damaged batch is set aside (a durable REMOVE, a
 * {@link DamageKind#BATCH_QUARANTINED} report) and the file goes whole into
 * {@code quarantine/}. In a read-only view it is reported once and left in place.
 * <p>Thread-safe: one rescue at a time, under {@link LogStore#segmentMoves()}, shared with compaction.
 */
final class BatchQuarantine {
    private final LogStore store;
    private final Set<Location> reportedReadOnly = ConcurrentHashMap.newKeySet();

    BatchQuarantine(LogStore store) {
        this.store = store;
    }

    /**
     * @return the exception to give the reader, or empty when the batch moved meanwhile (read it again)
     */
    Optional<DamagedBatchException> setAside(StoredBatch damaged, DamagedRecordException problem) {
        Path file = store.files().path(damaged.segmentId());
        if (store.readOnly()) {
            if (reportedReadOnly.add(damaged.location())) {
                store.listener().found(StoreDamage.ofBatch(DamageKind.DAMAGED_RECORDS, file, damaged.offset(),
                        damaged.id(), "batch '" + damaged.id() + "' cannot be read: " + problem.getMessage(),
                        "read-only: left in place"));
            }
            return Optional.of(new DamagedBatchException("batch '" + damaged.id() + "' cannot be read: "
                    + problem.getMessage() + "; read-only: left in place", damaged.id(), null));
        }
        synchronized (store.segmentMoves()) {
            StoredBatch now = store.get(damaged.id()).orElse(null);
            if (now == null || !now.location().equals(damaged.location())) {
                return Optional.empty(); // compaction or another reader dealt with it first
            }
            Path keptIn;
            try {
                store.seal(damaged.segmentId());
                keptIn = DamagedSegmentRescue.moveAside(store, damaged.segmentId());
            } catch (IOException e) {
                throw new dev.batchyard.engine.store.StoreException("batch '" + damaged.id() + "' cannot be read ("
                        + problem.getMessage() + ") and its segment " + file + " could not be set aside: " + e, e);
            }
            if (store.get(damaged.id()).isPresent()) {
                return Optional.empty(); // read whole on the second try (a passing fault): it moved with the others
            }
            return Optional.of(new DamagedBatchException("batch '" + damaged.id() + "' cannot be read: "
                    + problem.getMessage() + "; it was set aside, not sent: removed from the pending batches, its bytes "
                    + "kept in " + keptIn, damaged.id(), keptIn));
        }
    }
}
