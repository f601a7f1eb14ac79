package dev.batchyard.engine;

import java.time.Instant;
import java.util.List;

/**
 * Where a throttled replay stands, as its durable progress says.
 *
 * @param taken     how many of its batches it has taken (acted on, or was about to when a crash came)
 * @param refused   how many of those its action answered with a refusal (gone, in flight, not dead, ...)
 * @param uncertain batches taken just before a crash, whose step may not have been made: the replay
 *                  never takes a batch twice, so it leaves these to the operator (they are still in the
 *                  store, in the state the crash left them)
 * @param active    whether this engine is running it now (a {@code RUNNING} plan whose process ended
 *                  is taken up by the next window or {@code serve}, or {@code replay resume})
 */
public record ReplayStatus(ReplayRequest.Action action, String sink, double rate, int total, int taken,
                           int refused, State state, String startedBy, Instant startedAt, List<String> uncertain,
                           boolean active) {

    /** A replay's lifecycle: running or paused until every batch is taken, or cancelled. */
    public enum State { RUNNING, PAUSED, FINISHED, CANCELLED }

    public ReplayStatus {
        uncertain = List.copyOf(uncertain);
    }

    /** Whether it still has batches to take and was not cancelled. */
    public boolean open() {
        return state == State.RUNNING || state == State.PAUSED;
    }
}
