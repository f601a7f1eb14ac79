package dev.batchyard.app.detail;

/** What the detail pane shows. */
public enum DetailState {
    /** Nothing selected. */
    EMPTY,
    LOADING,
    LOADED,
    /** The batch left the store (delivered, discarded, expired) while shown; its last data stays. */
    GONE,
    /** Reading it failed; the message says why. */
    FAILED
}
