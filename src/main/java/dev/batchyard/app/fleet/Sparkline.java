package dev.batchyard.app.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's pending count over the last {@link #WINDOW}, one sample per poll, oldest first.
 * Immutable; bounded by time and by {@link #MAX_SAMPLES} (a poll every second for an hour), so a
 * fast poll or a wrong clock cannot grow it.
 */
public record Sparkline(List<Sample> samples) {
    public static final Duration WINDOW = Duration.ofHours(1);
    public static final int MAX_SAMPLES = 3600;

    /** The pending count at an instant. */
    public record Sample(Instant at, long pending) {
    }

    public Sparkline {
        samples = List.copyOf(samples);
    }

    public static Sparkline empty() {
        return new Sparkline(List.of());
    }

    /**
     * This line with {@code sample} added at its end, without the samples older than {@link #WINDOW}
     * before it (and the oldest beyond {@link #MAX_SAMPLES}). A sample older than the last is
     * ignored: answers of one connection are applied in order, and a line never goes back.
     */
    public Sparkline plus(Sample sample) {
        if (!samples.isEmpty() && sample.at().isBefore(samples.get(samples.size() - 1).at())) {
            return this;
        }
        Instant from = sample.at().minus(WINDOW);
        List<Sample> kept = new ArrayList<>(samples.size() + 1);
        for (Sample s : samples) {
            if (!s.at().isBefore(from)) {
                kept.add(s);
            }
        }
        kept.add(sample);
        int extra = kept.size() - MAX_SAMPLES;
        return new Sparkline(extra > 0 ? kept.subList(extra, kept.size()) : kept);
    }

    /** The smallest pending count on the line (0 when empty). */
    public long min() {
        return samples.stream().mapToLong(Sample::pending).min().orElse(0);
    }

    /** From the oldest sample to the newest (zero for fewer than two). */
    public Duration span() {
        return samples.size() < 2 ? Duration.ZERO : Duration.between(samples.get(0).at(), samples.get(samples.size() - 1).at());
    }

    /** The largest pending count on the line (0 when empty): the top of its scale. */
    public long max() {
        return samples.stream().mapToLong(Sample::pending).max().orElse(0);
    }

    /**
     * The line's x, y pairs in a box of {@code width} by {@code height}: time across (the hour
     * ending at the newest sample), the count up (y grows downwards) against the line's largest.
     */
    public List<Double> points(double width, double height) {
        if (samples.isEmpty()) {
            return List.of();
        }
        Instant start = samples.get(samples.size() - 1).at().minus(WINDOW);
        double span = WINDOW.toMillis();
        double top = Math.max(1, max());
        List<Double> xy = new ArrayList<>(samples.size() * 2 + 2);
        for (Sample s : samples) {
            xy.add(width * Duration.between(start, s.at()).toMillis() / span);
            xy.add(height - height * s.pending() / top);
        }
        if (samples.size() == 1) { // one sample: a short stroke, so there is something to see
            xy.add(xy.get(0) - 2);
            xy.add(xy.get(1));
        }
        return List.copyOf(xy);
    }
}
