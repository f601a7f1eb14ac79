package dev.batchyard.app.fleet;

/**
 * How a fleet row stands, declared from the best to the worst, so that sorting the state column
 * descending brings the connections in trouble to the top.
 */
public enum RowState {
    /** The last probe read the store. */
    CONNECTED,
    /** Listed, not probed yet. */
    WAITING,
    /** A local store no window of this process has open. */
    NOT_OPEN,
    /** The last probe failed or did not answer in time. */
    DISCONNECTED
}
