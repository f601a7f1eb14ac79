package dev.batchyard.bench;

import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.LokiEntries;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * Where the CPU of serve's ingest goes, for before/after comparisons on a shared machine: the
 * ingest suite's runs ({@link IngestRun}), each path warmed up and then timed a few times, with
 * the process's CPU per push split by thread group (Jetty's threads, the WAL writer, the recovery
 * loop, the load generator's clients, and the rest: the JIT, the collector, threads that ended).
 * Run: {@code java -cp ... dev.batchyard.bench.IngestProbe [seconds per run] [runs] [warm-up seconds]}
 * ({@code -Dprobe.paths=serve-http,in-process,decode}; {@code decode} is the JSON decoding alone).
 */
public final class IngestProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private IngestProbe() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double warmup = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        String paths = System.getProperty("probe.paths", IngestSuite.HTTP + "," + IngestSuite.IN_PROCESS);
        Scratch scratch = new Scratch(Path.of(System.getProperty("bench.scratch", "target/bench/ingest-probe")));
        IngestRun.Bodies bodies = IngestRun.Bodies.make(16);
        for (String path : paths.split(",")) {
            if (path.equals("decode")) {
                decode(bodies, seconds, runs);
                continue;
            }
            for (int run = -1; run < runs; run++) {
                Path dir = scratch.fresh(path);
                try (IngestRun r = path.equals(IngestSuite.HTTP) ? IngestRun.overHttp(dir, bodies)
                        : IngestRun.inProcess(dir, bodies)) {
                    Map<String, Long> before = byGroup();
                    Map<String, Long> userBefore = userByGroup();
                    Map<String, long[]> switchesBefore = switchesByGroup();
                    long switches = contextSwitches();
                    long allocated = allocated();
                    IngestRun.Outcome o = r.timed((long) ((run < 0 ? warmup : seconds) * 1e9), "p" + run);
                    allocated = allocated() - allocated;
                    switches = contextSwitches() - switches;
                    Map<String, Long> after = byGroup();
                    Map<String, Long> userAfter = userByGroup();
                    Map<String, long[]> switchesAfter = switchesByGroup();
                    if (run >= 0) {
                        print(path, o, before, after);
                        System.out.println(kernel(o, before, after, userBefore, userAfter, switchesBefore, switchesAfter));
                        System.out.printf("%-11s by the server's threads (callers' ended threads not counted):"
                                + " %.1f KB allocated, %.2f context switches per push%n", "", allocated / 1024.0 / o.pushes(),
                                (double) switches / o.pushes());
                    }
                } finally {
                    Scratch.delete(dir);
                }
            }
        }
    }

    /**
     * The server's own work on a push body without the network or the store: decoding the Loki
     * JSON into the engine's entries, on one thread, as CPU and allocation per push.
     */
    private static void decode(IngestRun.Bodies bodies, double seconds, int runs) throws Exception {
        BodyLimits limits = new BodyLimits(64 << 20, 64 << 20);
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC);
        CpuProbe.Op op = (t, i) -> {
            byte[] body = bodies.json().get((int) (i % bodies.json().size()));
            if (LokiEntries.read("application/json", null, body, limits, received).size() != IngestRun.ENTRIES) {
                throw new IllegalStateException("a push decoded to the wrong number of entries");
            }
        };
        for (int run = 0; run < runs; run++) {
            CpuProbe.report("decode Loki JSON 100e to entries", 1, seconds, op);
        }
    }

    private static void print(String path, IngestRun.Outcome o, Map<String, Long> before, Map<String, Long> after) {
        StringBuilder s = new StringBuilder(String.format("%-11s %7.0f /s p50 %5.2f ms p99 %6.2f ms | CPU us/push: all %5.0f"
                        + " callers %4.0f", path, o.perSecond(), o.percentileMillis(0.5), o.percentileMillis(0.99),
                o.cpuMicrosPerPush(false), o.callerCpuNanos() / 1e3 / o.pushes()));
        long named = o.callerCpuNanos();
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((group, cpu) -> delta.put(group, cpu - before.getOrDefault(group, 0L)));
        for (var e : delta.entrySet()) {
            if (e.getValue() > 0 && !e.getKey().startsWith("ingest-")) {
                named += e.getValue();
                if (e.getValue() / 1e3 / o.pushes() >= 1) {
                    s.append(String.format(" %s %.0f", e.getKey(), e.getValue() / 1e3 / o.pushes()));
                }
            }
        }
        s.append(String.format(" other %.0f", (o.processCpuNanos() - named) / 1e3 / o.pushes()));
        System.out.println(s);
    }

    /**
     * Per push, by thread group, the server's threads only: the user and the kernel (system) part
     * of their CPU, and their voluntary (blocked: a wait, a park, an empty read) and involuntary
     * (preempted) context switches. Where the HTTP path's CPU goes that the Java profiler does not
     * see: the system calls, the wake-ups and hand-offs between threads.
     */
    static String kernel(IngestRun.Outcome o, Map<String, Long> before, Map<String, Long> after,
                                    Map<String, Long> userBefore, Map<String, Long> userAfter,
                                    Map<String, long[]> switchesBefore, Map<String, long[]> switchesAfter) {
        StringBuilder s = new StringBuilder(String.format("%-11s user / system CPU us per push: callers %.0f / %.0f",
                "", o.callerUserNanos() / 1e3 / o.pushes(), (o.callerCpuNanos() - o.callerUserNanos()) / 1e3 / o.pushes()));
        for (var e : new TreeMap<>(after).entrySet()) {
            double cpu = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e3 / o.pushes();
            double user = (userAfter.getOrDefault(e.getKey(), 0L) - userBefore.getOrDefault(e.getKey(), 0L)) / 1e3
                    / o.pushes();
            if (cpu >= 1 && !e.getKey().startsWith("ingest-")) {
                s.append(String.format(" %s %.0f / %.0f", e.getKey(), user, cpu - user));
            }
        }
        s.append(String.format("%n%-11s voluntary / involuntary switches per push:", ""));
        for (var e : new TreeMap<>(switchesAfter).entrySet()) {
            long[] was = switchesBefore.getOrDefault(e.getKey(), new long[2]);
            double voluntary = (double) (e.getValue()[0] - was[0]) / o.pushes();
            double involuntary = (double) (e.getValue()[1] - was[1]) / o.pushes();
            if (voluntary + involuntary >= 0.05 && !e.getKey().startsWith("ingest-")) {
                s.append(String.format(" %s %.2f / %.2f", e.getKey(), voluntary, involuntary));
            }
        }
        return s.toString();
    }

    /**
     * Voluntary and involuntary context switches so far of the live threads, by the kernel's name
     * of the thread (its first 15 characters) without a trailing number (Linux; empty elsewhere).
     */
    static Map<String, long[]> switchesByGroup() {
        Map<String, long[]> out = new HashMap<>();
        try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = java.nio.file.Files.readString(task.resolve("comm")).strip().replaceAll("[-0-9]+$", "");
                    long[] counts = out.computeIfAbsent(name, k -> new long[2]);
                    for (String line : java.nio.file.Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            counts[0] += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            counts[1] += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                } catch (java.io.IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException | UncheckedIOException noProc) {
            return Map.of();
        }
        return out;
    }

    /** User-mode CPU so far of the live threads, by name without its trailing number. */
    static Map<String, Long> userByGroup() {
        return byGroup(THREADS::getThreadUserTime);
    }

    /** Context switches so far of the process's live threads (Linux; 0 elsewhere). */
    private static long contextSwitches() {
        long total = 0;
        try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : java.nio.file.Files.readAllLines(task.resolve("status"))) {
                        if (line.contains("ctxt_switches:")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                } catch (java.io.IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException | UncheckedIOException noProc) {
            return 0;
        }
        return total;
    }

    /** Bytes allocated so far by the live threads (the callers' threads are not alive before and after a run). */
    private static long allocated() {
        if (!(THREADS instanceof com.sun.management.ThreadMXBean sun)) {
            return 0;
        }
        long[] ids = THREADS.getAllThreadIds();
        long total = 0;
        for (long b : sun.getThreadAllocatedBytes(ids)) {
            total += Math.max(0, b);
        }
        return total;
    }

    /** CPU so far of the live threads, by name without its trailing number. */
    static Map<String, Long> byGroup() {
        return byGroup(THREADS::getThreadCpuTime);
    }

    /** {@code timeOf} each live thread (by its id), summed by name without its trailing number. */
    private static Map<String, Long> byGroup(LongUnaryOperator timeOf) {
        Map<String, Long> out = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            var info = THREADS.getThreadInfo(id);
            long time = timeOf.applyAsLong(id);
            if (info != null && time > 0) {
                out.merge(info.getThreadName().replaceAll("[-0-9]+$", ""), time, Long::sum);
            }
        }
        return out;
    }
}
