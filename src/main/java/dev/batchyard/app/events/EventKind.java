package dev.batchyard.app.events;

/**
 * The families of engine events an operator filters by. Coarser than the event types: a delivery
 * start and its success are both {@link #DELIVERY}, a recovery pass and a recovery toggle are
 * both {@link #RECOVERY}.
 */
public enum EventKind {
    PERSISTED,
    DELIVERY,
    FAILURE,
    DEAD_LETTER,
    HOLD,
    DISCARD,
    REROUTE,
    RETRY,
    EXPIRY,
    CLEANUP,
    RECOVERY,
    CORRUPTION,
    SINK_HEALTH,
    MISSED;

    /** The bundle key of this kind's display name. */
    public String key() {
        return "events.kind." + name();
    }
}
