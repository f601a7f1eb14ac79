package dev.batchyard.engine;

import java.util.function.UnaryOperator;

/**
 * What the power-loss campaign checks about a stored batch: its sink, its retry count and how many
 * entries it has (the entries themselves are checked against {@link Entries#sample}).
 */
record BatchFacts(String sink, int retries, int entries) {

    static BatchFacts of(BatchView view) {
        return new BatchFacts(view.sink(), view.retryCount(), view.entryCount());
    }

    /**
     * A change an operation makes to one batch: what it was (null: absent) to what it is after
     * (null: removed). Named, for the message when a check fails.
     */
    record Change(String name, UnaryOperator<BatchFacts> effect) {
        static Change persist(String sink, int entries) {
            return new Change("persist", before -> new BatchFacts(sink, 0, entries));
        }

        static Change remove(String how) {
            return new Change(how, before -> null);
        }

        static Change fail() {
            return new Change("fail", b -> new BatchFacts(b.sink(), b.retries() + 1, b.entries()));
        }

        static Change reroute(String sink) {
            return new Change("reroute to " + sink, b -> new BatchFacts(sink, 0, b.entries()));
        }

        BatchFacts apply(BatchFacts before) {
            return effect.apply(before);
        }
    }
}
