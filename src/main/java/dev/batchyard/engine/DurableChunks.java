package dev.batchyard.engine;

import dev.batchyard.engine.ActionResult.Reason;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.UnknownBatchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an operator's action on many batches a chunk at a time (docs/architecture.md, "An action on
 * many batches"): each batch's change is appended without waiting for it, then one wait makes the
 * whole chunk durable, then each change is announced and its batch let go. A thousand changes cost a
 * group commit or a few, where one after another they cost a thousand (a 10,000-batch reroute took
 * 3-5 s). Nobody is told of a change, and a batch the step holds against the recovery loop is not
 * sent, before the change is durable. Chunks are bounded, so an action on a million batches holds at
 * most {@value #SIZE} at a time and its first batches go out while the rest are being changed.
 * Thread-safe (each call works on its own chunk).
 */
final class DurableChunks {
    static final int SIZE = 1_024;

    /** What one batch's step did: answered at once, or made a change that is answered once durable. */
    sealed interface Step {
        /** Nothing changed (refused, already so): the answer, now. */
        record Answered(ActionResult result) implements Step {
        }

        /**
         * A change appended, not yet durable. Once it is, {@code announce} publishes it and gives the
         * answer; {@code release} runs last whatever happened (it lets go of the batch the step held).
         */
        record Made(LogStore.Change change, Supplier<ActionResult> announce, Runnable release) implements Step {
        }
    }

    private final LogStore store;

    DurableChunks(LogStore store) {
        this.store = store;
    }

    /** {@code step} for each id (distinct, in the order given), the answers in that order. */
    List<ActionResult> run(List<String> ids, Function<String, Step> step) {
        List<ActionResult> results = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += SIZE) {
            results.addAll(chunk(ids.subList(from, Math.min(ids.size(), from + SIZE)), step));
        }
        return results;
    }

    private List<ActionResult> chunk(List<String> ids, Function<String, Step> step) {
        ActionResult[] results = new ActionResult[ids.size()];
        List<Pending> made = new ArrayList<>();
        try {
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                Step done = answered(id, () -> step.apply(id));
                if (done instanceof Step.Made m) {
                    made.add(new Pending(i, id, m));
                } else {
                    results[i] = ((Step.Answered) done).result();
                }
            }
        } finally {
            // also when a step failed unexpectedly: what was appended before it is announced once durable
            settle(made, results);
        }
        return Arrays.asList(results);
    }

    /** A change made for the id at {@code at} in the chunk, waiting for the chunk's durable wait. */
    private record Pending(int at, String id, Step.Made made) {
    }

    /** One wait for every change made, then each announced (or answered with the log's failure) and let go. */
    private void settle(List<Pending> made, ActionResult[] results) {
        try {
            long last = made.isEmpty() ? 0 : made.get(made.size() - 1).made().change().ticket();
            StoreException failed = null;
            try {
                store.awaitDurable(last); // tickets rise in the order appended: the last one's covers them all
            } catch (StoreException e) {
                failed = e;
            }
            for (Pending p : made) {
                results[p.at()] = failed == null ? p.made().announce().get()
                        : ActionResult.of(p.id(), Reason.STORE_ERROR, String.valueOf(failed.getMessage()));
            }
        } finally {
            made.forEach(p -> p.made().release().run());
        }
    }

    /** The step's outcome for one id, or the answer for a batch that is not there, or for the store's failure. */
    private static Step answered(String id, Supplier<Step> step) {
        try {
            return step.get();
        } catch (UnknownBatchException e) {
            return new Step.Answered(ActionResult.of(id, Reason.NO_SUCH_BATCH));
        } catch (StoreException e) {
            return new Step.Answered(ActionResult.of(id, Reason.STORE_ERROR, String.valueOf(e.getMessage())));
        }
    }
}
