package dev.batchyard.app.actions;

import dev.batchyard.engine.ReplayRequest;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the operator confirmed: an action on exactly {@code target}'s ids, at once, or as a throttled
 * replay at {@code rate} batches a second.
 *
 * @param rate batches per second, or empty to act on them all at once
 */
public record Confirmed(BulkAction action, ActionTarget target, OptionalDouble rate) {

    public Confirmed {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(rate, "rate");
        if (rate.isPresent() && action instanceof BulkAction.Discard) {
            throw new IllegalArgumentException("a discard is not replayed at a pace");
        }
    }

    /** At once. */
    public static Confirmed now(BulkAction action, ActionTarget target) {
        return new Confirmed(action, target, OptionalDouble.empty());
    }

    /** The replay that runs it at its pace. */
    ReplayRequest replay() {
        double pace = rate.orElseThrow();
        if (action instanceof BulkAction.Retry) {
            return new ReplayRequest(ReplayRequest.Action.RETRY, target.ids(), null, pace);
        } else if (action instanceof BulkAction.Requeue requeue) {
            return new ReplayRequest(ReplayRequest.Action.REQUEUE, target.ids(), requeue.sink(), pace);
        } else if (action instanceof BulkAction.Reroute reroute) {
            return new ReplayRequest(ReplayRequest.Action.REROUTE, target.ids(), reroute.sink(), pace);
        }
        throw new IllegalStateException(action + " has no replay");
    }
}
