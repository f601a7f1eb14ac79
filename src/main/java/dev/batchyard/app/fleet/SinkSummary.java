package dev.batchyard.app.fleet;

import dev.batchyard.console.SinkView;
import dev.batchyard.engine.events.SinkHealth;
import java.util.Comparator;
import java.util.List;

/**
 * A store's sinks in one cell: how many are enabled, how many have their breaker open, how many are
 * probing (half open). Sorts by trouble: open breakers, then probing, then the number of sinks.
 */
public record SinkSummary(int sinks, int open, int probing) implements Comparable<SinkSummary> {
    private static final Comparator<SinkSummary> ORDER = Comparator.comparingInt(SinkSummary::open)
            .thenComparingInt(SinkSummary::probing).thenComparingInt(SinkSummary::sinks);

    /** Counts the enabled sinks of {@code views} (a disabled one delivers nothing and has no breaker). */
    public static SinkSummary of(List<SinkView> views) {
        int sinks = 0;
        int open = 0;
        int probing = 0;
        for (SinkView v : views) {
            if (v.enabled()) {
                sinks++;
                open += v.health() == SinkHealth.OPEN ? 1 : 0;
                probing += v.health() == SinkHealth.HALF_OPEN ? 1 : 0;
            }
        }
        return new SinkSummary(sinks, open, probing);
    }

    @Override
    public int compareTo(SinkSummary other) {
        return ORDER.compare(this, other);
    }
}
