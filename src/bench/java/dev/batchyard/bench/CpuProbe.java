package dev.batchyard.bench;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.codec.EntriesCodec;
import dev.batchyard.model.LogEntry;
import dev.batchyard.codec.smile.SmileEntriesCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warm CPU time (and allocation, where the JVM reports it) per operation of the engine's hot paths,
 * for before/after comparisons on a shared machine where throughput is noise: codec encode/decode,
 * {@code LogStore.put} (durable on return), the raw group-commit limit, and {@code persistBatch}, with 1 and 16
 * threads. Run: {@code java -cp ... dev.batchyard.bench.CpuProbe [seconds per case]}.
 */
public final class CpuProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuProbe() {
    }

    interface Op {
        void run(int thread, long i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        String only = System.getProperty("probe.only", "codec,store,raw,engine");
        SamplePool pool = new SamplePool();
        List<Sample> samples = pool.of(SizeClass.MEDIUM);
        Scratch scratch = new Scratch(Path.of(System.getProperty("bench.scratch", "target/bench/probe")));
        EntriesCodec codec = EngineOptions.defaults().codec();
        if (only.contains("codec")) {
            List<byte[]> encoded = new ArrayList<>();
            samples.forEach(s -> encoded.add(codec.encode(s.entries())));
            report("encode 100e (" + codec.getClass().getSimpleName() + ")", 1, seconds,
                    (t, i) -> codec.encode(samples.get((int) (i % samples.size())).entries()));
            report("decode 100e (" + codec.getClass().getSimpleName() + ")", 1, seconds,
                    (t, i) -> codec.decode(encoded.get((int) (i % encoded.size()))));
            SmileEntriesCodec smile = new SmileEntriesCodec();
            report("encode 100e (smile)", 1, seconds, (t, i) -> smile.encode(samples.get((int) (i % samples.size())).entries()));
            List<byte[]> smiled = new ArrayList<>();
            samples.forEach(s -> smiled.add(smile.encode(s.entries())));
            report("decode 100e (smile)", 1, seconds, (t, i) -> smile.decode(smiled.get((int) (i % smiled.size()))));
            System.out.printf("bytes per 100e: %s %d, smile %d%n", codec.getClass().getSimpleName(),
                    encoded.stream().mapToInt(b -> b.length).sum() / encoded.size(),
                    smiled.stream().mapToInt(b -> b.length).sum() / smiled.size());
        }
        for (int threads : new int[] {1, 16}) {
            if (only.contains("store")) {
                CommitStats stats = new CommitStats();
                try (LogStoreDesign d = new LogStoreDesign(scratch.fresh("store-" + threads), stats)) {
                    LogStore store = d.store();
                    report("LogStore.put x" + threads, threads, seconds, stats, (t, i) -> store.put(
                            LogStoreDesign.record("b-" + t + "-" + i, samples.get((int) (i % samples.size()))),
                            Integer.MAX_VALUE));
                }
            }
            if (only.contains("raw")) {
                CommitStats stats = new CommitStats();
                try (RawAppendDesign d = new RawAppendDesign(scratch.fresh("raw-" + threads), stats)) {
                    report("raw append x" + threads, threads, seconds, stats,
                            (t, i) -> d.persist("b", samples.get((int) (i % samples.size()))));
                }
            }
            if (only.contains("engine")) {
                Path dir = scratch.fresh("engine-" + threads);
                CommitStats stats = new CommitStats();
                try (BatchPersistence engine = BatchPersistence.open(BatchyardDesign.config(dir), Delivery.none(),
                        Clock.systemUTC(), EngineOptions.defaults().withStoreObserver(stats))) {
                    report("persistBatch x" + threads, threads, seconds, stats, (t, i) -> {
                        List<LogEntry> entries = samples.get((int) (i % samples.size())).entries();
                        engine.persistBatch("b-" + t + "-" + i, entries, SamplePool.SINK);
                    });
                }
            }
        }
    }

    /**
     * Runs {@code op} on {@code threads} threads: a warm-up of the same length, then the timed part. Prints the
     * callers' CPU and allocation per operation, then what the callers do not see: the whole process's CPU per
     * operation (the store's writer, the recovery loop, GC and JIT included), the other threads' share of it, and
     * context switches per operation of the callers and of every other thread (from {@code /proc}, on Linux).
     */
    static void report(String name, int threads, double seconds, Op op) throws Exception {
        report(name, threads, seconds, null, op);
    }

    /** As above, and what {@code commits} saw of the timed part's group commits (null: nothing). */
    static void report(String name, int threads, double seconds, CommitStats commits, Op op) throws Exception {
        run(threads, seconds, op, 1_000_000_000L); // warm-up with ids that never meet the timed ones
        if (commits != null) {
            commits.reset();
        }
        Map<Long, long[]> before = TaskSwitches.all();
        Map<Long, Long> javaBefore = javaThreadCpu();
        long process0 = processCpu();
        long[] result = run(threads, seconds, op, 0);
        long process = processCpu() - process0;
        Map<String, Long> byName = javaThreadDelta(javaBefore);
        long others = TaskSwitches.delta(before, TaskSwitches.all());
        double n = result[0];
        System.out.printf("%-34s %9.1f us CPU/op %10.1f KB alloc/op %9.0f ops/s | process %6.1f us/op"
                        + " (other threads %5.1f) | switches/op: callers %4.1f, others %4.1f%n", name,
                result[1] / 1e3 / n, result[2] / 1024.0 / n, n / (result[3] / 1e9), process / 1e3 / n,
                (process - result[1]) / 1e3 / n, result[4] / n, others / n);
        if (commits != null) {
            System.out.printf("%-34s %s%n", "", commits.summary());
        }
        long named = byName.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder threadsLine = new StringBuilder();
        byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                .forEach(e -> threadsLine.append(String.format("%s %.1f, ", e.getKey(), e.getValue() / 1e3 / n)));
        System.out.printf("%-34s other threads, us/op: %sunnamed (GC, VM) %.1f%n", "", threadsLine,
                (process - result[1] - named) / 1e3 / n);
    }

    /** CPU so far of every live Java thread but the calling one. */
    private static Map<Long, Long> javaThreadCpu() {
        Map<Long, Long> out = new HashMap<>();
        long me = Thread.currentThread().getId();
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (id != me && cpu >= 0) {
                out.put(id, cpu);
            }
        }
        return out;
    }

    /** CPU each Java thread alive at both readings used since {@code before}, by name with digits dropped. */
    private static Map<String, Long> javaThreadDelta(Map<Long, Long> before) {
        Map<String, Long> out = new HashMap<>();
        for (var e : before.entrySet()) {
            long cpu = THREADS.getThreadCpuTime(e.getKey());
            java.lang.management.ThreadInfo info = THREADS.getThreadInfo(e.getKey());
            if (cpu >= 0 && info != null) {
                out.merge(info.getThreadName().replaceAll("\\d+", "N"), cpu - e.getValue(), Long::sum);
            }
        }
        return out;
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Context switches (voluntary and not) of the process's threads, read from {@code /proc}; zero elsewhere. */
    static final class TaskSwitches {
        private TaskSwitches() {
        }

        /** Each live thread's switches so far, by task id. */
        static Map<Long, long[]> all() {
            Map<Long, long[]> out = new HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    long n = of(t.resolve("status"));
                    if (n >= 0) {
                        out.put(Long.parseLong(t.getFileName().toString()), new long[] {n});
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                return out;
            }
            return out;
        }

        /** Switches between two readings of the threads alive at both (the callers, started and ended between, are not). */
        static long delta(Map<Long, long[]> before, Map<Long, long[]> after) {
            long sum = 0;
            for (var e : after.entrySet()) {
                long[] b = before.get(e.getKey());
                if (b != null) {
                    sum += e.getValue()[0] - b[0];
                }
            }
            return sum;
        }

        /** The calling thread's switches so far. */
        static long mine() {
            return Math.max(0, of(Path.of("/proc/thread-self/status")));
        }

        private static long of(Path status) {
            try {
                long n = 0;
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                        n += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
                return n;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    private static long[] run(int threads, double seconds, Op op, long base) throws Exception {
        AtomicLong ops = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        AtomicLong alloc = new AtomicLong();
        AtomicLong switches = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> list = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                long s0 = TaskSwitches.mine();
                long c0 = THREADS.getCurrentThreadCpuTime();
                long a0 = allocated();
                long n = 0;
                try {
                    do {
                        op.run(thread, base + n);
                        n++;
                    } while (System.nanoTime() < deadline);
                } catch (Throwable e) {
                    failures.add(e);
                }
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
                alloc.addAndGet(allocated() - a0);
                ops.addAndGet(n);
                switches.addAndGet(TaskSwitches.mine() - s0);
            });
            list.add(th);
            th.start();
        }
        for (Thread th : list) {
            th.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.get(0));
        }
        return new long[] {ops.get(), cpu.get(), alloc.get(), System.nanoTime() - start, switches.get()};
    }

    private static long allocated() {
        return THREADS instanceof com.sun.management.ThreadMXBean sun
                ? sun.getThreadAllocatedBytes(Thread.currentThread().getId()) : 0;
    }
}
