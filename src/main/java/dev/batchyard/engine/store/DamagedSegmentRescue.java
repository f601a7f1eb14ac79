package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What happens to a segment found damaged at open: every batch whose record in it is still
 * readable is rewritten at the head of the log, and once that is durable the file is moved whole
 * into {@code quarantine/} for a person to look at. Batchyard never deletes it. A batch whose own
 * record is unreadable is reported and dropped from the index; its bytes stay in the moved file.
 */
final class DamagedSegmentRescue {
    private DamagedSegmentRescue() {
    }

    static void moveAside(LogStore store, long segmentId) throws IOException {
        SegmentFiles files = store.files();
        long last = 0;
        for (StoredBatch b : store.batchesIn(segmentId)) {
            try {
                StoreRecord.Put put = (StoreRecord.Put) store.reader().read(b.location());
                last = Math.max(last, store.logged().moveToHead(b.id(), segmentId, put));
            } catch (IOException e) {
                store.listener().found(files.path(segmentId), b.location().offset(), "batch '" + b.id()
                        + "' cannot be read: " + e.getMessage(), "lost from the index; its bytes are kept in " + store.quarantine());
                store.logged().forget(b);
            }
        }
        store.logged().awaitTicket(last);
        store.forgetSegment(segmentId);
        Path source = files.path(segmentId);
        Files.move(source, store.quarantine().resolve(source.getFileName()));
        SegmentFiles.syncDirectory(files.directory());
    }
}
