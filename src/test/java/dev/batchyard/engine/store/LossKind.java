package dev.batchyard.engine.store;

/**
 * How a simulated power cut treats what was written or renamed but not yet synced. Each cut picks
 * one kind for the whole disk; within it, files and directories lose independently.
 */
public enum LossKind {
    /** Nothing unsynced survives: every file is as of its last force, every directory as of its last sync. */
    ALL,
    /** A prefix survives: for each file the first pages written since its last force, for directories the first operations. */
    PREFIX,
    /** A prefix survives and the next page is torn: half old and half new, or zeroed. */
    TORN,
    /** Any subset survives: a later page or operation kept, an earlier one lost (reordering between syncs). */
    REORDER,
    /** Every directory operation survives (a rename is durable), but no unsynced data of any file. */
    RENAME_WITHOUT_DATA
}
