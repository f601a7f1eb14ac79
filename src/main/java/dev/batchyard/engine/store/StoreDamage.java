package dev.batchyard.engine.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One piece of damage the store found, and what it did about it.
 *
 * @param kind     what was found
 * @param file     the file it is in (a segment, the checkpoint, a stranger in {@code segments/})
 * @param offset   where in that file (0 for the file as a whole)
 * @param detail   what is wrong, in English, naming the batch when one is known
 * @param action   what was done, in English: cut, set aside where, left in place, lost
 * @param batchIds the batches concerned, where known (empty for a damaged region whose ids are unreadable)
 */
public record StoreDamage(Kind kind, Path file, long offset, String detail, String action, List<String> batchIds) {

    /** What was found. */
    public enum Kind {
        /** The newest segment ends in an incomplete record (a crash mid-write): cut off, its bytes kept in {@code quarantine/}. */
        TORN_TAIL,
        /** Bytes inside a segment hold no valid record: the segment is moved whole into {@code quarantine/}. */
        DAMAGED_RECORDS,
        /** A batch's record fails its checksum: the batch is set aside (its segment in {@code quarantine/}) and not sent. */
        BATCH_QUARANTINED,
        /** A batch's only record was in a segment that is missing or cut short: no copy of it is left. */
        BATCH_LOST,
        /** A segment is missing between two others (deleted outside Batchyard?). */
        SEGMENT_MISSING,
        /** The checkpoint is damaged: it was ignored and the whole log replayed. */
        CHECKPOINT_IGNORED,
        /** A file in {@code segments/} that is not a segment: left alone. */
        UNKNOWN_FILE
    }

    public StoreDamage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        batchIds = List.copyOf(batchIds);
    }

    /** Damage with no batch id known. */
    static StoreDamage of(Kind kind, Path file, long offset, String detail, String action) {
        return new StoreDamage(kind, file, offset, detail, action, List.of());
    }

    /** Damage to one batch. */
    static StoreDamage ofBatch(Kind kind, Path file, long offset, String id, String detail, String action) {
        return new StoreDamage(kind, file, offset, detail, action, List.of(id));
    }
}
