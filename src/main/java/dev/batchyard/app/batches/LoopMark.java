package dev.batchyard.app.batches;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchView;

/**
 * The loop guard's mark in the batches table: how many times a batch was requeued or rerouted, flagged
 * when past {@code requeue_loop_limit}. Sorted by the count, looping batches last among equals.
 */
record LoopMark(int requeues, boolean looped) implements Comparable<LoopMark> {

    static LoopMark of(BatchView view) {
        return new LoopMark(view.requeueCount(), view.looped());
    }

    /** Empty for a batch never requeued, so the column stays quiet until there is something to see. */
    String text(Messages messages, Formats formats) {
        if (requeues == 0) {
            return "";
        }
        return looped ? messages.format("column.requeues.looped", formats.count(requeues)) : formats.count(requeues);
    }

    @Override
    public int compareTo(LoopMark other) {
        int byCount = Integer.compare(requeues, other.requeues);
        return byCount != 0 ? byCount : Boolean.compare(looped, other.looped);
    }
}
