package dev.batchyard.engine;

import dev.batchyard.engine.ActionResult.Reason;
import dev.batchyard.engine.DurableChunks.Step;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.StoredBatch;
import dev.batchyard.model.Actor;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an operator can do to stored batches. Each action works on exactly the ids it is given
 * (never "whatever matches now"), answers per id, and is written to the audit trail with who did it.
 * Whether a sink is configured comes from {@link Delivery#health}, which never takes a breaker's
 * probe lease (only the recovery loop may). Thread-safe.
 */
final class OperatorActions {
    private final LogStore store;
    private final BatchLifecycle lifecycle;
    private final RecoveryLoop recovery;
    private final InFlight inFlight;
    private final Delivery delivery;
    private final AuditTrail audit;
    private final EventBus events;
    private final Clock clock;
    private final Edits edits;
    private final DurableChunks chunks;

    OperatorActions(LogStore store, BatchLifecycle lifecycle, RecoveryLoop recovery, InFlight inFlight,
                    Delivery delivery, AuditTrail audit, EventBus events, Clock clock, Edits edits) {
        this.edits = edits;
        this.chunks = new DurableChunks(store);
        this.store = store;
        this.lifecycle = lifecycle;
        this.recovery = recovery;
        this.inFlight = inFlight;
        this.delivery = delivery;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends each batch now, bypassing backoff and the recovery loop's admission (a sink whose
     * breaker is open answers at once that it did not send).
     */
    List<ActionResult> retryNow(Collection<String> ids, Actor actor) {
        return act("retry", "", ids, actor, id -> {
            StoredBatch b = lifecycle.requireLive(id);
            if (!delivery.health(b.meta().sink()).configured()) {
                return ActionResult.of(id, Reason.SINK_NOT_CONFIGURED, b.meta().sink());
            }
            inFlight.awaitSettled(id);
            if (!recovery.dispatch(id, b.meta().sink(), true)) {
                return ActionResult.of(id, Reason.IN_FLIGHT);
            }
            events.publish(new BatchEvent.RetryRequested(clock.instant(), id, b.meta().sink(), actor));
            return ActionResult.of(id, Reason.SENT, b.meta().sink());
        });
    }

    /**
     * Takes back each discard made less than {@code grace} ago; a batch past it, not discarded or
     * gone is answered so, per id. A version an edit replaced goes back in the place of the batch it is
     * a version of ({@link Edits#restoreVersion}).
     */
    List<ActionResult> restore(Collection<String> ids, Duration grace, Actor actor) {
        List<ActionResult> results = act("restore", "", ids, actor, id -> {
            Optional<StoredBatch> stored = store.get(id);
            if (stored.isPresent() && stored.get().meta().discarded() && stored.get().meta().discard().isVersion()) {
                return edits.restoreVersion(stored.get(), grace, actor);
            }
            return lifecycle.restore(id, grace, actor);
        });
        recovery.wakeUp();
        return results;
    }

    /**
     * Takes each batch out of every view and out of delivery, restorable within {@code discard_grace}: a
     * chunk of discards made durable by one wait ({@link DurableChunks}).
     */
    List<ActionResult> discard(Collection<String> ids, String reason, Actor actor) {
        String why = reason == null || reason.isBlank() ? "discarded by " + actor.name() : reason;
        return actInChunks("discard", why, ids, actor, id -> {
            LogStore.Change change = lifecycle.discardWithoutWaiting(id, why, actor);
            return made(change, () -> {
                lifecycle.discarded(change, why, actor);
                return ActionResult.of(id, Reason.DISCARDED);
            });
        });
    }

    /**
     * Points each batch at {@code sink} (which must be configured) with a fresh retry budget, due now: a
     * chunk of reroutes made durable by one wait ({@link DurableChunks}), each batch held against the
     * recovery loop until its change is, so it goes to its new sink only once the move is durable.
     */
    List<ActionResult> reroute(Collection<String> ids, String sink, Actor actor) {
        List<ActionResult> results = actInChunks("reroute", "to " + sink, ids, actor, id -> {
            if (!delivery.health(sink).configured()) {
                return answer(ActionResult.of(id, Reason.SINK_NOT_CONFIGURED, sink));
            }
            return heldUntilDurable(id, () -> {
                StoredBatch b = lifecycle.requireLive(id);
                if (b.meta().sink().equals(sink)) {
                    return answer(ActionResult.of(id, Reason.ALREADY_ROUTED, sink));
                }
                LogStore.Change change = lifecycle.rerouteWithoutWaiting(id, sink);
                return made(change, () -> {
                    lifecycle.rerouted(change, actor);
                    return ActionResult.of(id, Reason.REROUTED, b.meta().sink(), sink);
                });
            });
        });
        recovery.wakeUp();
        return results;
    }

    /**
     * Requeues each dead batch to {@code sink} (its own when null; else it must be configured) with a
     * fresh retry budget, due now: a chunk of requeues made durable by one wait, each batch held until
     * its change is, as for {@link #reroute}. A batch in flight (a retry under way) or not dead is
     * answered so.
     */
    List<ActionResult> requeue(Collection<String> ids, String sink, Actor actor) {
        List<ActionResult> results = actInChunks("requeue", sink == null ? "" : "to " + sink, ids, actor, id -> {
            StoredBatch b = lifecycle.requireLive(id);
            String to = sink == null ? b.meta().sink() : sink;
            if (!delivery.health(to).configured()) {
                return answer(ActionResult.of(id, Reason.SINK_NOT_CONFIGURED, to));
            }
            return heldUntilDurable(id, () -> {
                BatchLifecycle.Requeue requeue = lifecycle.requeueWithoutWaiting(id, to, actor);
                if (!requeue.made()) {
                    return answer(requeue.result());
                }
                return made(requeue.change(), () -> {
                    lifecycle.requeued(requeue, actor);
                    return requeue.result();
                });
            });
        });
        recovery.wakeUp();
        return results;
    }

    /**
     * One step of a throttled replay: the action on {@code id} (audited as the operator's own), then,
     * for a requeue or reroute that was made, its send now: the replay's pace is the sink's, whether
     * or not this process's recovery loop sends the backlog (a CLI command holds it).
     */
    ActionResult replayStep(ReplayRequest.Action action, String id, String sink, Actor actor) {
        ActionResult result = switch (action) {
            case RETRY -> retryNow(List.of(id), actor).get(0);
            case REQUEUE -> requeue(List.of(id), sink, actor).get(0);
            case REROUTE -> reroute(List.of(id), sink, actor).get(0);
        };
        if (action != ReplayRequest.Action.RETRY && result.ok()) {
            lifecycle.live(id).ifPresent(b -> recovery.dispatch(id, b.meta().sink(), false));
        }
        return result;
    }

    void toggleRecovery(boolean pause, Actor actor) {
        recovery.setPaused(pause);
        audit.record(clock.instant(), actor, pause ? "pause-recovery" : "resume-recovery", "", List.of());
        events.publish(new BatchEvent.RecoveryToggled(clock.instant(), pause, actor));
    }

    /**
     * Runs {@code change} to batch {@code id} with the batch held against the recovery loop, or
     * answers IN_FLIGHT. A check of "not in flight" followed by the change would race the loop: it
     * could read the old sink, the check pass, and the attempt start between the two, so a batch
     * answered REROUTED went to its old sink. A change made keeps the hold until it is durable and
     * announced ({@link DurableChunks}); an answer without one lets go at once.
     */
    private Step heldUntilDurable(String id, Supplier<Step> change) {
        inFlight.awaitSettled(id);
        Optional<Long> hold = inFlight.hold(id, clock.instant());
        if (hold.isEmpty()) {
            return answer(ActionResult.of(id, Reason.IN_FLIGHT));
        }
        Runnable release = () -> inFlight.release(id, hold.get());
        Step step = null;
        try {
            step = change.get();
            return step instanceof Step.Made m
                    ? new Step.Made(m.change(), m.announce(), () -> { m.release().run(); release.run(); }) : step;
        } finally {
            if (!(step instanceof Step.Made)) { // answered at once, or failed
                release.run();
            }
        }
    }

    private List<ActionResult> act(String action, String detail, Collection<String> ids, Actor actor,
                                   Function<String, ActionResult> perId) {
        return actInChunks(action, detail, ids, actor, id -> answer(perId.apply(id)));
    }

    /** {@code step} for each distinct id, in chunks ({@link DurableChunks}), then one audit line for them all. */
    private List<ActionResult> actInChunks(String action, String detail, Collection<String> ids, Actor actor,
                                           Function<String, Step> step) {
        List<ActionResult> results = chunks.run(List.copyOf(new LinkedHashSet<>(ids)), step);
        audit.record(clock.instant(), actor, action, detail, results);
        return results;
    }

    private static Step answer(ActionResult result) {
        return new Step.Answered(result);
    }

    /** A change appended and not yet durable, answered by {@code announce} once it is; nothing held. */
    private static Step made(LogStore.Change change, Supplier<ActionResult> announce) {
        return new Step.Made(change, announce, () -> { });
    }
}
