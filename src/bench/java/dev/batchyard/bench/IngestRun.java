package dev.batchyard.bench;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.EngineOptions;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.model.LogEntry;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.SinkLayer;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.serve.Service;
import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.LokiEntries;
import dev.batchyard.serve.metrics.ServeMetrics;
import dev.batchyard.sink.Secret;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One timed run of {@value #CLIENTS} callers against a fresh store, either pushing Loki JSON to a
 * real {@code serve} on loopback or calling {@code persistBatch} in-process with the entries the
 * same bodies become. Each caller times each of its calls.
 */
final class IngestRun implements AutoCloseable {
    static final int CLIENTS = 16;
    static final int ENTRIES = 100;
    private static final String TOKEN = "bench-ingest-token-0123456789";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Pre-built push bodies and the entries each becomes, so the runs measure no generation. */
    record Bodies(List<byte[]> json, List<List<LogEntry>> entries) {
        static Bodies make(int count) {
            List<byte[]> json = new ArrayList<>();
            List<List<LogEntry>> entries = new ArrayList<>();
            BodyLimits limits = new BodyLimits(64 << 20, 64 << 20);
            OffsetDateTime received = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            for (int b = 0; b < count; b++) {
                byte[] body = body(b);
                json.add(body);
                entries.add(LokiEntries.read("application/json", null, body, limits, received));
            }
            return new Bodies(json, entries);
        }

        /** Two streams (an API and its database), 100 lines in all, as a Promtail push of an access log looks. */
        private static byte[] body(int seed) {
            StringBuilder s = new StringBuilder("{\"streams\":[");
            long ns = 1_700_000_000_000_000_000L + seed * 1_000_000_000L;
            for (int stream = 0; stream < 2; stream++) {
                s.append(stream == 0 ? "" : ",").append("{\"stream\":{\"job\":\"").append(stream == 0 ? "api" : "db")
                        .append("\",\"env\":\"prod\",\"host\":\"node-").append(seed % 7).append("\"},\"values\":[");
                for (int i = 0; i < ENTRIES / 2; i++) {
                    s.append(i == 0 ? "" : ",").append("[\"").append(ns + i * 1000L).append("\",\"")
                            .append("level=info ts=2025-01-01T00:00:0").append(i % 10).append("Z method=GET path=/api/v1/orders/")
                            .append(seed * 1000 + i).append(" status=200 duration_ms=").append(i % 97)
                            .append(" trace_id=4bf92f3577b34da6a3ce929d0e0e").append(String.format("%04x", i)).append("\"]");
                }
                s.append("]}");
            }
            return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * What one run did: pushes answered, the time, every push's latency, the CPU the whole process
     * used meanwhile and the part of it the callers' own threads used (over HTTP: the load
     * generator, which a real shipper runs on its own machine; in-process: the callers, which do
     * the work a server thread would).
     */
    record Outcome(long pushes, long nanos, long[] latencies, long processCpuNanos, long callerCpuNanos,
                   long callerUserNanos) {
        double perSecond() {
            return pushes * 1e9 / nanos;
        }

        /** Microseconds of the process's CPU per push, the callers' threads left out when {@code withoutCallers}. */
        double cpuMicrosPerPush(boolean withoutCallers) {
            return pushes == 0 ? 0 : (processCpuNanos - (withoutCallers ? callerCpuNanos : 0)) / 1e3 / pushes;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    @FunctionalInterface
    interface Call {
        void call(int client, int n) throws Exception;
    }

    /** Told when the callers start and once they have all ended, for probes that sample the server meanwhile. */
    interface RunHook {
        RunHook NONE = new RunHook() {
        };

        default void started() {
        }

        default void ended(Outcome outcome) {
        }
    }

    private final AutoCloseable store;
    private final AutoCloseable service;
    private final Call call;

    private IngestRun(AutoCloseable store, AutoCloseable service, Call call) {
        this.store = store;
        this.service = service;
        this.call = call;
    }

    static IngestRun inProcess(Path dir, Bodies bodies) {
        BatchPersistence engine = BatchPersistence.open(BatchyardDesign.config(dir), Delivery.none(), Clock.systemUTC(),
                EngineOptions.defaults());
        return new IngestRun(engine, () -> { }, (client, n) -> {
            List<LogEntry> entries = bodies.entries().get((client + n) % bodies.entries().size());
            engine.persistBatch(NewBatch.of("p-" + client + "-" + n + "-" + System.nanoTime(), entries, "loki"));
        });
    }

    static IngestRun overHttp(Path dir, Bodies bodies) {
        ServeMetrics metrics = new ServeMetrics();
        // as batchyard serve opens it: through the runtime, in service mode
        OpenStore store = new StoreOpener(Clock.systemUTC(),
                (where, demo) -> new Settings(BatchyardDesign.config(dir), SinkLayer.none()),
                EngineOptions.defaults().withStoreObserver(metrics.storeObserver()))
                .open(StoreLocation.of(dir), Mode.service());
        ServeSettings d = ServeSettings.defaults();
        ServeSettings settings = new ServeSettings("127.0.0.1:0", Optional.empty(),
                List.of(new ServeSettings.ApiToken("bench", ServeSettings.Role.INGEST, Secret.of(TOKEN))),
                Optional.of("loki"), Map.of(), d.limits(), d.retryAfter(), Optional.empty());
        Service service = Service.start(settings, ListenAddress.parse(settings.listen()), store, metrics,
                Clock.systemUTC());
        List<ByteBuffer> requests = bodies.json().stream()
                .map(b -> KeepAliveClient.post("/loki/api/v1/push", "application/json", TOKEN, b)).toList();
        // one kept-alive connection per client, as each shipper holds its own
        KeepAliveClient[] clients = new KeepAliveClient[CLIENTS];
        AutoCloseable stop = () -> {
            for (KeepAliveClient c : clients) {
                if (c != null) {
                    c.close();
                }
            }
            service.close();
        };
        return new IngestRun(store, stop, (c, n) -> {
            if (clients[c] == null) {
                clients[c] = new KeepAliveClient(service.port());
            }
            int status = clients[c].send(requests.get((c + n) % requests.size()));
            if (status != 204) {
                throw new IllegalStateException("push answered " + status);
            }
        });
    }

    Outcome timed(long budgetNanos, String tag) throws InterruptedException {
        return timedCalls(call, budgetNanos, tag, RunHook.NONE);
    }

    /** {@value #CLIENTS} threads making {@code call} over and over for {@code budgetNanos}, each timing each call. */
    static Outcome timedCalls(Call call, long budgetNanos, String tag, RunHook hook) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[][] latencies = new long[CLIENTS][];
        int[] counts = new int[CLIENTS];
        long[] deadline = new long[1];
        long[] callerCpu = new long[CLIENTS];
        long[] callerUser = new long[CLIENTS];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            int client = t;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1024];
                int n = 0;
                ready.countDown();
                long cpu0 = 0;
                long user0 = 0;
                try {
                    go.await();
                    cpu0 = THREADS.getCurrentThreadCpuTime();
                    user0 = THREADS.getCurrentThreadUserTime();
                    while (System.nanoTime() - deadline[0] < 0 && failure.get() == null) {
                        long start = System.nanoTime();
                        call.call(client, n);
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - start;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                callerCpu[client] = THREADS.getCurrentThreadCpuTime() - cpu0;
                callerUser[client] = THREADS.getCurrentThreadUserTime() - user0;
                latencies[client] = Arrays.copyOf(mine, n);
                counts[client] = n;
            }, "ingest-" + tag + "-" + t);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        hook.started();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        deadline[0] = start + budgetNanos;
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long nanos = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        if (failure.get() != null) {
            throw new IllegalStateException("ingest run " + tag + " failed: " + failure.get(), failure.get());
        }
        long total = Arrays.stream(counts).asLongStream().sum();
        Outcome outcome = new Outcome(total, nanos, Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray(),
                cpu, Arrays.stream(callerCpu).sum(), Arrays.stream(callerUser).sum());
        hook.ended(outcome);
        return outcome;
    }

    /** User and system CPU of the whole process: every thread, the JIT and the collector included. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    @Override
    public void close() throws Exception {
        try {
            service.close();
        } finally {
            store.close();
        }
    }
}
