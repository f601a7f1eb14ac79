package dev.batchyard.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Durable persist throughput per size and producer count, the mixed steady-state workload, and
 * the store's write path against the raw limit. Every design is warmed up single-threaded first
 * (16 busy producers on 2 cores starve the JIT), then each repetition runs every design once, in
 * an order rotated per repetition.
 */
final class ThroughputSuite {
    static final int[] THREADS = {1, 16};
    /**
     * The write path against the raw limit is a ratio near 1 of two fsync-bound figures, so it gets
     * three back-to-back pairs per repetition (order alternating) instead of one.
     */
    private static final int WRITE_PATH_PAIRS = 3;
    /**
     * Batchyard end to end against the raw limit (issue 23), also three back-to-back pairs per
     * repetition: the rows of "persist 100e x16" run the five designs in turn, so their ratio of
     * medians can pair minutes of different fsync latency.
     */
    static final String END_TO_END_VS_RAW = "persist 100e x16, back to back with raw";
    /**
     * The same against the raw limit into a file pre-written with zeros: the disk's overwrite limit.
     * The store pre-writes its segments, so the append limit alone could flatter it.
     */
    static final String END_TO_END_VS_PRE_WRITTEN = "persist 100e x16, back to back with raw pre-written";
    static final String WRITE_PATH_VS_PRE_WRITTEN = "write path 100e x16, back to back with raw pre-written";

    private final BenchMode mode;
    private final SamplePool pool;
    private final Scratch scratch;
    private final List<Design.Factory> endToEnd;
    private final Design.Factory writePath;
    private final Design.Factory preWrittenRaw;
    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final Scenario disk = new Scenario("disk bytes / Go JSON bytes (" + SizeClass.MEDIUM.label + " batches, after close)", "x",
            false, "batchyard", "apparent file sizes; Go JSON = the seed's batch_<id>.json files");

    /** @param preWrittenRaw the raw limit into a pre-written file, run back to back with Batchyard only */
    ThroughputSuite(BenchMode mode, SamplePool pool, Scratch scratch, List<Design.Factory> endToEnd,
                    Design.Factory writePath, Design.Factory preWrittenRaw) {
        this.mode = mode;
        this.pool = pool;
        this.scratch = scratch;
        this.endToEnd = endToEnd;
        this.writePath = writePath;
        this.preWrittenRaw = preWrittenRaw;
    }

    List<Scenario> run() throws Exception {
        warmUp();
        for (int rep = 0; rep < mode.reps(); rep++) {
            for (SizeClass size : SizeClass.values()) {
                for (int threads : THREADS) {
                    Scenario sc = scenario("persist " + size.label + " x" + threads, "batchyard",
                            "end to end, durable on return; MB/s as Go JSON");
                    for (Design.Factory f : rotate(endToEnd, rep)) {
                        measure(sc, f, Workload.PERSIST, size, threads, rep);
                    }
                    if (size == SizeClass.MEDIUM && threads == 16 && hasRaw()) {
                        backToBack(scenario(END_TO_END_VS_RAW, "batchyard",
                                "persistBatch (codec, store, events; durable on return) vs raw append of the pre-encoded "
                                        + "entries with ideal group commit, run back to back"),
                                batchyard(), raw(), size, threads, rep);
                        backToBack(scenario(END_TO_END_VS_PRE_WRITTEN, "batchyard",
                                "persistBatch vs raw append with ideal group commit into a file of zeros written before "
                                        + "the run (the disk's overwrite limit), run back to back"),
                                batchyard(), preWrittenRaw, size, threads, rep);
                    }
                    if (size == SizeClass.MEDIUM) {
                        backToBack(scenario("write path " + size.label + " x" + threads, writePath.name(),
                                "pre-encoded records: LogStore.put (durable on return) vs raw append with ideal "
                                        + "group commit"),
                                writePath, raw(), size, threads, rep);
                        if (threads == 16) {
                            backToBack(scenario(WRITE_PATH_VS_PRE_WRITTEN, writePath.name(),
                                    "pre-encoded records: LogStore.put vs raw append into a file of zeros written before "
                                            + "the run (the disk's overwrite limit)"),
                                    writePath, preWrittenRaw, size, threads, rep);
                        }
                    }
                }
            }
            Scenario mixed = scenario("mixed " + SizeClass.MEDIUM.label + " x16 (70% ok, 30% fail+ok)", "batchyard",
                    "finished batches/s in steady state, 4 in hand per producer");
            for (Design.Factory f : rotate(endToEnd, rep)) {
                measure(mixed, f, Workload.MIXED, SizeClass.MEDIUM, 16, rep);
            }
        }
        List<Scenario> out = new ArrayList<>(scenarios.values());
        out.add(disk);
        return out;
    }

    /** Two designs in {@link #WRITE_PATH_PAIRS} back-to-back pairs, the order alternating, for a ratio near 1. */
    private void backToBack(Scenario sc, Design.Factory subject, Design.Factory reference, SizeClass size, int threads,
                            int rep) throws Exception {
        for (int pair = 0; pair < WRITE_PATH_PAIRS; pair++) {
            for (Design.Factory f : rotate(List.of(subject, reference), rep + pair)) {
                measure(sc, f, Workload.PERSIST, size, threads, rep);
            }
        }
    }

    private void warmUp() throws Exception {
        List<Design.Factory> all = new ArrayList<>(endToEnd);
        all.add(writePath);
        for (Design.Factory f : all) {
            for (SizeClass size : SizeClass.values()) {
                timed(f, Workload.PERSIST, size, 1, mode.warmupMillis(), "warm");
            }
            timed(f, Workload.MIXED, SizeClass.MEDIUM, 1, mode.warmupMillis(), "warm");
        }
        Progress.line("warm-up done");
    }

    private void measure(Scenario sc, Design.Factory f, Workload work, SizeClass size, int threads, int rep)
            throws Exception {
        Result r = timed(f, work, size, threads, mode.runMillis(), "r" + rep);
        sc.add(f.name(), r.outcome().perSecond(), r.outcome().megabytesPerSecond());
        if (work == Workload.PERSIST && size == SizeClass.MEDIUM && r.outcome().bytes() > 0) {
            if (f != preWrittenRaw) { // its file is as large as the zeros written before the run
                disk.add(f.name(), r.diskBytes() / (double) r.outcome().bytes());
            }
            cpu(threads).add(f.name(), r.outcome().cpuMicrosPerStep());
        }
        Progress.line(String.format("%-40s %-20s %10.1f /s %8.1f MB/s", sc.name, f.name(),
                r.outcome().perSecond(), r.outcome().megabytesPerSecond()));
    }

    private record Result(TimedRun.Outcome outcome, long diskBytes) {
    }

    private Result timed(Design.Factory f, Workload work, SizeClass size, int threads, long millis, String tag)
            throws Exception {
        Path dir = scratch.fresh(f.name());
        TimedRun.Outcome outcome;
        try (Design d = f.open(dir)) {
            outcome = TimedRun.run(d, work, pool.of(size), threads, millis * 1_000_000L, tag + size.label + threads);
        }
        long bytes = Scratch.size(dir);
        Scratch.delete(dir);
        return new Result(outcome, bytes);
    }

    private Design.Factory raw() {
        return endToEnd.stream().filter(f -> f.name().equals("raw-limit")).findFirst().orElseThrow();
    }

    private boolean hasRaw() {
        return endToEnd.stream().anyMatch(f -> f.name().equals("raw-limit"))
                && endToEnd.stream().anyMatch(f -> f.name().equals("batchyard"));
    }

    private Design.Factory batchyard() {
        return endToEnd.stream().filter(f -> f.name().equals("batchyard")).findFirst().orElseThrow();
    }

    /** CPU per batch is what bounds a design on 2 busy cores, and it is far less noisy than fsync latency. */
    private Scenario cpu(int threads) {
        return scenarios.computeIfAbsent("producer CPU per batch, " + SizeClass.MEDIUM.label + " x" + threads,
                n -> new Scenario(n, "us", false, "batchyard",
                        "CPU time of the calling threads only (not the engine's writer thread, not GC)"));
    }

    private Scenario scenario(String name, String subject, String note) {
        return scenarios.computeIfAbsent(name, n -> new Scenario(n, "batches/s", true, subject, note));
    }

    private static <T> List<T> rotate(List<T> list, int by) {
        List<T> out = new ArrayList<>(list);
        java.util.Collections.rotate(out, -by);
        return out;
    }
}
