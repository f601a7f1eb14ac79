package dev.batchyard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and range of repeated measurements. */
record Summary(double median, double min, double max, List<Double> values) {

    static Summary of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(n - 1), List.copyOf(values));
    }
}
