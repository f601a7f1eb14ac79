package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;

/**
 * One compaction step: the oldest sealed segment's live batches are rewritten at the head of the
 * log; once that is durable, the old file is deleted. The commit point is the fsync of the copies:
 * before it the old file still holds every batch, after it the copies do, so no live batch is ever
 * in no durable place. Segments are only ever compacted oldest-first (see {@link LogStore}).
 *
 * <p>Before the file goes, a checkpoint must start after it: the records in it after the
 * checkpoint's position (a REMOVE, say) would otherwise be missing from the next replay, and the
 * open would report a delivered batch as lost.
 */
public final class Compaction {
    /** Compact a segment when less than this fraction of it is live. */
    static final double LIVE_FRACTION = 0.5;

    /** What one step did. */
    public record Result(long segmentId, long bytesReclaimed, int batchesMoved) {
    }

    private final LogStore store;

    Compaction(LogStore store) {
        this.store = store;
    }

    Optional<Result> runOnce() {
        synchronized (store.segmentMoves()) {
            return compactOldest();
        }
    }

    private Optional<Result> compactOldest() {
        try {
            List<Long> ids = store.files().list();
            long active = store.activeSegment();
            if (ids.isEmpty() || ids.get(0) >= active) {
                return Optional.empty();
            }
            long oldest = ids.get(0);
            // sealed is not written: the writer may still hold the segment's last group; read only what is there
            store.logged().awaitEverythingAppended();
            long size = store.files().disk().size(store.files().path(oldest));
            long live = store.logged().liveBytes(oldest);
            if (!worthIt(size, live)) {
                return Optional.empty();
            }
            List<StoredBatch> victims = store.batchesIn(oldest);
            long last = 0;
            for (StoredBatch b : victims) {
                StoreRecord.Put old;
                try {
                    old = store.reader().readPut(b);
                } catch (IOException damaged) {
                    // damage the checkpoint kept us from seeing at open: keep the file, not delete it
                    store.logged().awaitTicket(last);
                    DamagedSegmentRescue.moveAside(store, oldest);
                    return Optional.of(new Result(oldest, 0, victims.size()));
                }
                last = Math.max(last, store.logged().moveToHead(b.id(), oldest, old));
            }
            store.logged().awaitTicket(last);
            store.forgetSegment(oldest);
            store.logged().checkpointPast(oldest);
            store.files().disk().delete(store.files().path(oldest));
            store.files().syncDirectory();
            return Optional.of(new Result(oldest, size, victims.size()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("compaction of " + store.directory() + " failed: " + e, e);
        }
    }

    private boolean worthIt(long size, long live) {
        if (live < size * LIVE_FRACTION) {
            return true;
        }
        long disk = store.diskBytes();
        long allLive = store.liveBytes();
        return disk > 2 * allLive + 2 * store.maxSegmentBytes();
    }
}
