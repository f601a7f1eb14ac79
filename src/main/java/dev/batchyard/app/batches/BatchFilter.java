package dev.batchyard.app.batches;

import dev.batchyard.engine.BatchQuery;
import dev.batchyard.model.BatchState;
import java.util.Objects;

/**
 * The filter bar's criteria as one value. It means exactly what the engine's {@link BatchQuery}
 * means, so the table, the CLI and any query agree on which batches match.
 *
 * @param sink       {@code null} for every sink
 * @param state      {@code null} for every state
 * @param minRetries 0 for any retry count
 */
public record BatchFilter(String text, String sink, BatchState state, AgeFilter age, int minRetries) {

    public BatchFilter {
        text = text == null ? "" : text;
        age = Objects.requireNonNullElse(age, AgeFilter.ANY);
        minRetries = Math.max(0, minRetries);
    }

    public static BatchFilter none() {
        return new BatchFilter("", null, null, AgeFilter.ANY, 0);
    }

    public BatchQuery toQuery() {
        BatchQuery query = BatchQuery.all().withText(text);
        if (sink != null) {
            query = query.withSinks(sink);
        }
        if (state != null) {
            query = query.withStates(state);
        }
        if (age.minAge() != null) {
            query = query.withOlderThan(age.minAge());
        }
        return minRetries > 0 ? query.withMinRetries(minRetries) : query;
    }

    /** Whether the set of matches can change as time passes (so it is re-applied on a timer). */
    public boolean dependsOnTime() {
        return age.minAge() != null;
    }
}
