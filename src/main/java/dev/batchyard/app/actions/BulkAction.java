package dev.batchyard.app.actions;

import java.nio.file.Path;
import java.util.Optional;

/** An operator action on a set of batches. */
public sealed interface BulkAction {

    /** Bundle key stem: {@code action.retry}, {@code action.discard}, {@code action.requeue}, {@code action.reroute}. */
    String key();

    /** Send now, bypassing backoff. */
    record Retry() implements BulkAction {
        @Override
        public String key() {
            return "retry";
        }
    }

    /**
     * Remove without delivering.
     *
     * @param exportFirstTo a directory to write each batch's {@code batch_<id>.json} to before it
     *                      is discarded, or {@code null}; a batch whose export fails is kept
     */
    record Discard(String reason, Path exportFirstTo) implements BulkAction {
        @Override
        public String key() {
            return "discard";
        }

        public Optional<Path> exportDirectory() {
            return Optional.ofNullable(exportFirstTo);
        }
    }

    /**
     * Dead batches due again now with a fresh retry budget, each at its own sink ({@code sink}
     * {@code null}) or at {@code sink}, another configured one.
     */
    record Requeue(String sink) implements BulkAction {
        @Override
        public String key() {
            return "requeue";
        }

        public Optional<String> otherSink() {
            return Optional.ofNullable(sink);
        }
    }

    /** Send to another configured sink. */
    record Reroute(String sink) implements BulkAction {
        @Override
        public String key() {
            return "reroute";
        }
    }
}
