package dev.batchyard.bench;

/**
 * How long and how big: {@code smoke} proves the harness runs (about a minute), {@code quick} took
 * 3-3.3 minutes including Maven on a 2-core box at load 18 (less on a quiet one), {@code full} is
 * for a quiet machine.
 *
 * @param reps           measured repetitions of every run (designs alternate within each)
 * @param runMillis      time budget of one timed run
 * @param warmupMillis   untimed single-thread run per design and size before anything is measured
 * @param reopenBatches  pending batches in the Batchyard store that is reopened
 * @param seedFiles      batch files the seed design reloads (extrapolated linearly beyond)
 * @param jmh            run the JMH codec micro-benchmarks
 */
record BenchMode(String name, int reps, long runMillis, long warmupMillis, int reopenBatches, int seedFiles,
                 boolean jmh) {

    static BenchMode named(String name) {
        return switch (name) {
            case "smoke" -> new BenchMode(name, 1, 60, 60, 2_000, 1_000, false);
            case "quick" -> new BenchMode(name, 3, 250, 300, Integer.getInteger("bench.reopen", 100_000),
                    Integer.getInteger("bench.seedFiles", 5_000), Boolean.parseBoolean(System.getProperty("bench.jmh", "true")));
            case "full" -> new BenchMode(name, 5, 2_000, 2_000, Integer.getInteger("bench.reopen", 1_000_000),
                    Integer.getInteger("bench.seedFiles", 100_000), Boolean.parseBoolean(System.getProperty("bench.jmh", "true")));
            default -> throw new IllegalArgumentException("bench.mode must be smoke, quick or full, was '" + name + "'");
        };
    }
}
