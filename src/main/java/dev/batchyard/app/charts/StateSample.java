package dev.batchyard.app.charts;

import dev.batchyard.model.BatchState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** How many batches were in each state at one sampled second. */
public record StateSample(Instant at, Map<BatchState, Integer> counts) {

    public StateSample {
        Objects.requireNonNull(at, "at");
        Map<BatchState, Integer> all = new EnumMap<>(BatchState.class);
        for (BatchState state : BatchState.values()) {
            all.put(state, counts.getOrDefault(state, 0));
        }
        counts = Map.copyOf(all);
    }

    public int count(BatchState state) {
        return counts.get(state);
    }
}
