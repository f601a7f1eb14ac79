package dev.batchyard.engine.store;

import dev.batchyard.model.DamageKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a segment found damaged (at open, by compaction, or when a batch in it fails its
 * checksum on a read): every batch whose record in it is still readable is rewritten at the head of
 * the log, and once that is durable the file is moved whole into {@code quarantine/} for a person
 * to look at. Batchyard never deletes it.
 *
 * <p>A batch whose own record is unreadable is <i>set aside</i>: a durable REMOVE (cause
 * {@link RemovalCause#POLICY}, reason "quarantined: ...") takes it out of the pending batches, so it
 * is never sent and never comes back at a reopen, and it is reported as
 * {@link DamageKind#BATCH_QUARANTINED} naming its id and the file in {@code quarantine/} that
 * keeps its bytes. Writable stores only; the caller holds {@link LogStore#segmentMoves()}, and the
 * segment is not the one being appended to.
 * <p><b>Crash behaviour.</b> The commit point is the fsync of the copies and REMOVEs, then a
 * checkpoint (durable: temp file, fsync, rename, directory fsync), which keeps what the segment's
 * other records said about batches stored elsewhere (removals, metadata): the file moves only
 * after. A crash before leaves the segment in place (nothing is lost: the next open finds its
 * damage and rescues it again); a crash after leaves the copies at the head.
 */
final class DamagedSegmentRescue {
    private DamagedSegmentRescue() {
    }

    /** @return the file in {@code quarantine/} the segment was moved to */
    static Path moveAside(LogStore store, long segmentId) throws IOException {
        SegmentFiles files = store.files();
        Path source = files.path(segmentId);
        Path target = freeName(files.disk(), store.quarantine(), source.getFileName().toString());
        long last = 0;
        List<StoreDamage> setAside = new ArrayList<>();
        for (StoredBatch b : store.batchesIn(segmentId)) {
            try {
                StoreRecord.Put put = store.reader().readPut(b);
                last = Math.max(last, store.logged().moveToHead(b.id(), segmentId, put));
            } catch (IOException e) {
                store.logged().remove(b.id(), RemovalCause.POLICY, "quarantined: its record cannot be read ("
                        + e.getMessage() + "); its bytes are kept in " + target);
                setAside.add(StoreDamage.ofBatch(DamageKind.BATCH_QUARANTINED, source, b.offset(), b.id(),
                        "batch '" + b.id() + "' cannot be read: " + e.getMessage(), "set aside: removed from the "
                                + "pending batches and not sent; its bytes are kept in " + target));
            }
        }
        store.logged().awaitTicket(last);
        store.forgetSegment(segmentId);
        // the segment also holds removals and metadata of batches stored in other segments: once it
        // leaves the log only a checkpoint keeps them (else a removed batch comes back at the next open)
        store.logged().checkpoint();
        files.disk().move(source, target);
        files.syncDirectory();
        files.disk().syncDirectory(store.quarantine());
        setAside.forEach(store.listener()::found); // once the bytes are where the reports say they are kept
        return target;
    }

    /** {@code name} in {@code dir}, or {@code name.2}, {@code name.3}, ... if a file of that name is there already. */
    private static Path freeName(Disk disk, Path dir, String name) {
        Path candidate = dir.resolve(name);
        for (int n = 2; disk.exists(candidate); n++) {
            candidate = dir.resolve(name + "." + n);
        }
        return candidate;
    }
}
