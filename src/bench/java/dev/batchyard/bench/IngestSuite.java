package dev.batchyard.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code batchyard serve}'s ingest (issue 16): {@value IngestRun#CLIENTS} clients each pushing
 * 100-entry Loki JSON bodies over HTTP on loopback, every push answered only once durable, against
 * the same batches handed to {@code persistBatch} in-process by as many threads, in the same run
 * (the two alternate within each repetition, so a drifting disk treats them alike). The HTTP figure
 * counts everything a log shipper waits for: the request, the token check, decoding, the group
 * commit, the answer. Latency is per push, as the client sees it.
 */
final class IngestSuite {
    static final String HTTP = "serve-http";
    static final String IN_PROCESS = "in-process";
    static final String THROUGHPUT = "ingest Loki JSON 100e x" + IngestRun.CLIENTS;
    static final String P99 = "ingest p99 latency 100e x" + IngestRun.CLIENTS;

    /**
     * A run shorter than this measures connection set-up and a cold server: with 16 clients each
     * push waits for up to 15 others' group commits, so 250 ms is a handful of pushes per client.
     */
    static final long MIN_RUN_MILLIS = 2_000;
    /**
     * The HTTP path runs far more code than a {@code persistBatch} call (Jetty, Jackson, the
     * mapping), and on the shared 2-core machine under load the JIT needs tens of seconds to compile
     * it: after 3 s of warm-up each measured repetition still ran faster than the one before, and
     * the process spent about 3 ms of CPU per push against about 1 ms once compiled. A server runs
     * for days, so the figure is the compiled one.
     */
    static final long MIN_WARMUP_MILLIS = 20_000;
    /**
     * The warm-up is cut into this many runs, each on a fresh server and store as every measured
     * run is: after one long warm-up the first measured runs still recompiled what the server's stop
     * and start had deoptimised (Jetty's connection and selector code, the store's index), at up to
     * 500 µs of CPU per push against 300 later.
     */
    static final int WARMUP_ROUNDS = 4;

    private final BenchMode mode;
    private final Scratch scratch;

    IngestSuite(BenchMode mode, Scratch scratch) {
        this.mode = mode;
        this.scratch = scratch;
    }

    List<Scenario> run() throws Exception {
        IngestRun.Bodies bodies = IngestRun.Bodies.make(16);
        Scenario throughput = new Scenario(THROUGHPUT, "batches/s", true, HTTP,
                "Loki JSON over HTTP on loopback (token, decode, durable, 204) vs persistBatch of the same batches");
        Scenario p99 = new Scenario(P99, "ms", false, HTTP, "per push, as the caller sees it");
        Scenario cpu = new Scenario("ingest server CPU per push 100e x" + IngestRun.CLIENTS, "us", false, HTTP,
                "process CPU per push: over HTTP without the load generator's threads, in-process all of it");
        Scenario p50 = new Scenario("ingest median latency 100e x" + IngestRun.CLIENTS, "ms", false, HTTP,
                "per push, as the caller sees it");
        long warmup = Math.max(MIN_WARMUP_MILLIS, mode.warmupMillis());
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (String path : List.of(HTTP, IN_PROCESS)) {
                run(path, bodies, warmup / WARMUP_ROUNDS, "warm" + round);
            }
        }
        Progress.line("ingest warm-up done");
        for (int rep = 0; rep < mode.reps(); rep++) {
            List<String> order = rep % 2 == 0 ? List.of(HTTP, IN_PROCESS) : List.of(IN_PROCESS, HTTP);
            for (String path : order) {
                IngestRun.Outcome o = run(path, bodies, Math.max(MIN_RUN_MILLIS, mode.runMillis()), "r" + rep);
                throughput.add(path, o.perSecond());
                p99.add(path, o.percentileMillis(0.99));
                p50.add(path, o.percentileMillis(0.50));
                cpu.add(path, o.cpuMicrosPerPush(path.equals(HTTP)));
                Progress.line(String.format("%-40s %-12s %10.1f /s  p50 %6.2f ms  p99 %6.2f ms  CPU/push %5.0f us"
                                + " (clients %4.0f us)", THROUGHPUT, path, o.perSecond(), o.percentileMillis(0.50),
                        o.percentileMillis(0.99), o.cpuMicrosPerPush(false), o.callerCpuNanos() / 1e3 / o.pushes()));
            }
        }
        return new ArrayList<>(List.of(throughput, p50, p99, cpu));
    }

    private IngestRun.Outcome run(String path, IngestRun.Bodies bodies, long millis, String tag) throws Exception {
        var dir = scratch.fresh("ingest-" + path);
        try (IngestRun run = path.equals(HTTP) ? IngestRun.overHttp(dir, bodies) : IngestRun.inProcess(dir, bodies)) {
            return run.timed(millis * 1_000_000L, tag);
        } finally {
            Scratch.delete(dir);
        }
    }
}
