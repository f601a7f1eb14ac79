package dev.batchyard.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One comparison: the same measurement of several designs, its unit, whether higher is better,
 * and the design the ratios are about ({@code subject}). Values are appended as runs finish.
 */
final class Scenario {
    final String name;
    final String unit;
    final boolean higherIsBetter;
    final String subject;
    final String note;
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final Map<String, List<Double>> megabytes = new LinkedHashMap<>();

    Scenario(String name, String unit, boolean higherIsBetter, String subject, String note) {
        this.name = name;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.subject = subject;
        this.note = note;
    }

    void add(String design, double value) {
        values.computeIfAbsent(design, d -> new ArrayList<>()).add(value);
    }

    void add(String design, double value, double mbPerSecond) {
        add(design, value);
        megabytes.computeIfAbsent(design, d -> new ArrayList<>()).add(mbPerSecond);
    }

    List<String> designs() {
        return List.copyOf(values.keySet());
    }

    Optional<Summary> summary(String design) {
        List<Double> v = values.get(design);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(Summary.of(v));
    }

    Optional<Summary> megabytes(String design) {
        List<Double> v = megabytes.get(design);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(Summary.of(v));
    }

    /** How many times better the subject is than {@code design} (medians); empty without both. */
    Optional<Double> advantageOver(String design) {
        var s = summary(subject);
        var d = summary(design);
        if (s.isEmpty() || d.isEmpty() || d.get().median() == 0 || s.get().median() == 0) {
            return Optional.empty();
        }
        return Optional.of(higherIsBetter ? s.get().median() / d.get().median() : d.get().median() / s.get().median());
    }

    /**
     * How many times better the subject is than {@code design}, as the median of the ratios of runs
     * made back to back (the i-th run of each): on a disk whose fsync latency drifts over a run,
     * this compares like with like, where the ratio of medians can pair a fast minute of one design
     * with a slow minute of the other. Empty without the same number of runs of both.
     */
    Optional<Double> pairedAdvantageOver(String design) {
        List<Double> s = values.get(subject);
        List<Double> d = values.get(design);
        if (s == null || d == null || s.isEmpty() || s.size() != d.size()) {
            return Optional.empty();
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i) > 0 && d.get(i) > 0) {
                ratios.add(higherIsBetter ? s.get(i) / d.get(i) : d.get(i) / s.get(i));
            }
        }
        return ratios.isEmpty() ? Optional.empty() : Optional.of(Summary.of(ratios).median());
    }
}
