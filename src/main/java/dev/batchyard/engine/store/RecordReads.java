package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * Reads a batch's record for whoever asks ({@link LogStore#readRecord}), through what can happen
 * between the index look-up and the read: the record was persisted a moment ago and is not written
 * yet (wait for the log, read again); compaction moved it (read it where it is now, or, in a
 * read-only view, which cannot follow, answer {@link StoreChangedException}); its bytes are damaged
 * (the batch is set aside by {@link BatchQuarantine}, and the reader told so). Thread-safe.
 */
final class RecordReads {
    private static final int TRIES = 3;

    private final LogStore store;
    private final BatchIndex index;
    private final SegmentLog log;
    private final BatchQuarantine quarantine;

    /** @param log null for a read-only view */
    RecordReads(LogStore store, BatchIndex index, SegmentLog log, BatchQuarantine quarantine) {
        this.store = store;
        this.index = index;
        this.log = log;
        this.quarantine = quarantine;
    }

    Optional<StoreRecord.Put> read(String id) {
        for (int tries = 0; tries < TRIES; tries++) {
            StoredBatch current = index.get(id);
            if (current == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(store.reader().readPut(current));
            } catch (IOException e) {
                if (log != null && tries == 0) {
                    log.awaitDurable(log.lastSequence()); // persisted a moment ago, not yet written
                    continue;
                }
                if (e instanceof NoSuchFileException && log == null) {
                    throw new StoreChangedException("the store " + store.directory() + " changed under this read-only "
                            + "view: its writer moved batch '" + id + "' (" + e.getMessage() + " was compacted away); "
                            + "open the view again", store.directory());
                }
                if (e instanceof NoSuchFileException) {
                    continue; // compaction moved it between the index look-up and the read
                }
                if (e instanceof DamagedRecordException damaged) {
                    Optional<DamagedBatchException> setAside = quarantine.setAside(current, damaged);
                    if (setAside.isPresent()) {
                        throw setAside.get();
                    }
                    continue; // it was moved meanwhile, and read whole on the way: read it where it is now
                }
                throw new StoreException("cannot read batch '" + id + "': " + e.getMessage(), e);
            }
        }
        throw new StoreException("cannot read batch '" + id + "': it kept moving during compaction");
    }
}
