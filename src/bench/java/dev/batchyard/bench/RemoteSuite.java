package dev.batchyard.bench;

import dev.batchyard.config.ServeSettings;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.BatchPage;
import dev.batchyard.console.Console;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.Actor;
import dev.batchyard.model.LogEntry;
import dev.batchyard.remote.BearerToken;
import dev.batchyard.remote.RemoteConsole;
import dev.batchyard.remote.RemoteEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A remote console over {@code batchyard serve} on loopback holding a big store (issue 19: the
 * window's first screen of a 1,000,000-batch remote store within 300 ms of opening the connection,
 * an engine event visible p99 within 250 ms, at most 50 MB of heap for the connection):
 * <ul>
 *   <li>first page: {@link RemoteConsole#open} (a new HTTP client, connection and the store's
 *       description) then {@code batches(all, oldest first, 100)};</li>
 *   <li>event latency: batches persisted in the server's process at 200 a second, each
 *       {@code Persisted} event's age ({@code now - at}, one clock: same JVM) when the remote
 *       subscriber takes it from its mailbox; p99 per repetition;</li>
 *   <li>heap: used after GC with the console open (a subscription, ten pages read) minus before
 *       it was opened. The server runs in the same JVM: what it keeps for the stream counts too.</li>
 * </ul>
 * The store holds {@code bench.remote} pending 1 KB batches (default 100,000; 1,000,000 as issue 19 asks).
 */
final class RemoteSuite {
    static final String FIRST_PAGE = "remote console: first page after opening";
    static final String EVENT_LATENCY = "remote console: engine event to subscriber";
    static final String HEAP = "remote console: heap held for the connection";
    private static final String TOKEN = "bench-operator-token-0123456789";
    private static final int OPENS = 10;
    private static final int EVENTS = 600;

    private final BenchMode mode;
    private final SamplePool pool;
    private final Scratch scratch;

    RemoteSuite(BenchMode mode, SamplePool pool, Scratch scratch) {
        this.mode = mode;
        this.pool = pool;
        this.scratch = scratch;
    }

    static int batches() {
        return Integer.getInteger("bench.remote", 100_000);
    }

    List<Scenario> run() throws Exception {
        int n = batches();
        Path dir = scratch.fresh("remote-store");
        StoreFill.fill(dir, "batch-", n, pool.of(SizeClass.SMALL));
        Progress.line("remote: built " + n + " batches");
        Scenario firstPage = new Scenario(FIRST_PAGE, "ms", false, "open + page",
                n + " batches; RemoteConsole.open then batches(limit 100), median of " + OPENS + " per repetition");
        Scenario latency = new Scenario(EVENT_LATENCY, "ms", false, "p99",
                EVENTS + " Persisted events at 200/s, age when the remote subscriber takes it; p99 per repetition");
        Scenario heap = new Scenario(HEAP, "MB", false, "retained", "used heap after GC, console open (a subscription,"
                + " 10 pages of 100 read) minus closed; the server is in the same JVM");
        try (BenchServer service = BenchServer.start(dir, ServeSettings.Role.OPERATOR, TOKEN);
             Console engineSide = service.store().console(new Actor("bench-producer"))) {
            RemoteEndpoint endpoint = RemoteEndpoint.of("http://127.0.0.1:" + service.port(),
                    BearerToken.of(TOKEN.toCharArray()));
            int persisted = 0;
            for (int rep = -1; rep < Math.max(3, mode.reps()); rep++) { // rep -1 warms up
                double[] opens = new double[OPENS];
                for (int i = 0; i < OPENS; i++) {
                    long start = System.nanoTime();
                    try (RemoteConsole console = RemoteConsole.open(endpoint)) {
                        BatchPage page = console.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST, PageRequest.first(100));
                        opens[i] = (System.nanoTime() - start) / 1e6;
                        if (page.rows().size() != 100) {
                            throw new IllegalStateException("the first page held " + page.rows().size() + " rows");
                        }
                    }
                }
                double p99 = eventP99(endpoint, engineSide, rep, persisted);
                persisted += EVENTS;
                double retained = retainedMb(endpoint);
                if (rep >= 0) {
                    firstPage.add("open + page", median(opens));
                    latency.add("p99", p99);
                    heap.add("retained", retained);
                }
                Progress.line(String.format("remote rep %d: first page after opening %.1f ms (median of %d), event p99"
                        + " %.1f ms, heap held %.1f MB", rep, median(opens), OPENS, p99, retained));
            }
        } finally {
            Scratch.delete(dir);
        }
        return List.of(firstPage, latency, heap);
    }

    private static double eventP99(RemoteEndpoint endpoint, Console engineSide, int rep, int from) throws Exception {
        List<Double> ages = new ArrayList<>();
        try (RemoteConsole console = RemoteConsole.open(endpoint); EventSubscription events = console.subscribe(100_000)) {
            Thread producer = new Thread(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    engineSide.persist(NewBatch.of("remote-bench-" + (from + i), List.of(LogEntry.builder()
                            .timestamp(OffsetDateTime.now()).message("event latency " + i).build()), "loki"));
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-producer");
            producer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ages.size() < EVENTS && System.nanoTime() < deadline) {
                for (BatchEvent e : events.await(100, TimeUnit.MILLISECONDS)) {
                    if (e instanceof BatchEvent.Persisted p && p.id().startsWith("remote-bench-")) {
                        ages.add(Duration.between(p.at(), Instant.now()).toNanos() / 1e6);
                    } else if (e instanceof BatchEvent.Missed m) {
                        throw new IllegalStateException("the subscriber missed " + m.count() + " events");
                    }
                }
            }
            producer.join();
        }
        if (ages.size() < EVENTS) {
            throw new IllegalStateException("rep " + rep + ": " + ages.size() + " of " + EVENTS + " events arrived");
        }
        double[] sorted = ages.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    }

    private static double retainedMb(RemoteEndpoint endpoint) throws Exception {
        long closed = Heap.usedAfterGc();
        try (RemoteConsole console = RemoteConsole.open(endpoint); EventSubscription events = console.subscribe(1000)) {
            PageRequest page = PageRequest.first(100);
            for (int i = 0; i < 10; i++) {
                BatchPage read = console.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST, page);
                page = PageRequest.after(read.nextCursor(), 100);
            }
            long open = Heap.usedAfterGc();
            events.drain();
            return Math.max(0, open - closed) / 1e6;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
