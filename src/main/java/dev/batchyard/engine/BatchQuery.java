package dev.batchyard.engine;

import dev.batchyard.model.BatchState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A filter over stored batches' metadata; every criterion left {@code null} (or empty) matches
 * all. Build with {@link #all()} and the {@code with…} methods.
 *
 * @param states     any of these states
 * @param sinks      any of these sinks
 * @param olderThan  created at least this long ago
 * @param minRetries at least this many retries
 * @param text       case-insensitive substring of the id or the failure reason
 */
public record BatchQuery(Set<BatchState> states, Set<String> sinks, Duration olderThan,
                         Integer minRetries, String text) {

    public BatchQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        sinks = sinks == null ? Set.of() : Set.copyOf(sinks);
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    public static BatchQuery all() {
        return new BatchQuery(null, null, null, null, null);
    }

    public BatchQuery withStates(BatchState... wanted) {
        return new BatchQuery(Set.of(wanted), sinks, olderThan, minRetries, text);
    }

    public BatchQuery withSinks(String... wanted) {
        return new BatchQuery(states, Set.of(wanted), olderThan, minRetries, text);
    }

    public BatchQuery withOlderThan(Duration age) {
        return new BatchQuery(states, sinks, age, minRetries, text);
    }

    public BatchQuery withMinRetries(int retries) {
        return new BatchQuery(states, sinks, olderThan, retries, text);
    }

    public BatchQuery withText(String needle) {
        return new BatchQuery(states, sinks, olderThan, minRetries, needle);
    }

    /** The predicate this query means at instant {@code now}. */
    public Predicate<BatchView> matcher(Instant now) {
        return view -> matches(view.state(), view.sink(), view.retryCount(), view.id(), view.failureReason())
                && (olderThan == null || !view.createdAt().toInstant().isAfter(now.minus(olderThan)));
    }

    /** The same predicate as {@link #matcher(Instant)}, on a row, whose view it does not build. */
    public Predicate<BatchRow> rowMatcher(Instant now) {
        return row -> matches(row.state(), row.sink(), row.retryCount(), row.id(), row.failureReason())
                && (olderThan == null || !row.createdInstant().isAfter(now.minus(olderThan)));
    }

    private boolean matches(BatchState state, String sink, int retryCount, String id, String failureReason) {
        return (states.isEmpty() || states.contains(state))
                && (sinks.isEmpty() || sinks.contains(sink))
                && (minRetries == null || retryCount >= minRetries)
                && (text.isEmpty() || id.toLowerCase(Locale.ROOT).contains(text)
                    || failureReason.toLowerCase(Locale.ROOT).contains(text));
    }
}
