package dev.batchyard.model;

/**
 * What kind of damage a store found on disk: said by the store's reports and the engine's
 * {@code CorruptionFound} events alike, so an operator's tools can tell a cut torn write from a
 * batch set aside or lost.
 */
public enum DamageKind {
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
    UNKNOWN_FILE,
    /** The throttled replay's plan or progress cannot be read: renamed beside itself ({@code .damaged}), no replay. */
    REPLAY_DAMAGED
}
