package dev.batchyard.bench;

import dev.batchyard.config.ServeSettings;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.model.Actor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code batchyard serve}'s admin API on a big store (issue 16: the first page of a 1,000,000-batch
 * store within 100 ms): {@code GET /api/v1/batches?limit=100} answered by a real server on loopback
 * (request to answer, as a client on the same machine waits for it: the server's side plus a
 * loopback round trip), the server's side of it (from the request handed to the API to its answer
 * written, as the server's own {@code batchyard_http_request_duration_seconds} counts it: the
 * growth of its sum over one request, read from {@code /metrics} after each), and the console's
 * {@code batches} call alone.
 * The store holds {@code bench.reopen} pending 1 KB batches (100,000 quick, 1,000,000 full).
 */
final class AdminPageSuite {
    private static final String TOKEN = "bench-viewer-token-0123456789";
    private static final int PAGES = 20;

    private final BenchMode mode;
    private final SamplePool pool;
    private final Scratch scratch;

    AdminPageSuite(BenchMode mode, SamplePool pool, Scratch scratch) {
        this.mode = mode;
        this.pool = pool;
        this.scratch = scratch;
    }

    List<Scenario> run() throws Exception {
        int n = mode.reopenBatches();
        Path dir = scratch.fresh("admin-store");
        StoreFill.fill(dir, "batch-", n, pool.of(SizeClass.SMALL));
        Progress.line("admin: built " + n + " batches");
        Scenario http = new Scenario("admin API first page of " + n, "ms", false, "GET /api/v1/batches",
                "limit=100, median of " + PAGES + " per repetition, over HTTP on loopback");
        Scenario serverSide = new Scenario("admin API first page of " + n + ", server side", "ms", false,
                "GET /api/v1/batches", "limit=100, median of " + PAGES + " per repetition, request handed to the"
                + " API to answer written (batchyard_http_request_duration_seconds)");
        Scenario console = new Scenario("console first page of " + n, "ms", false, "by created",
                "Console.batches, limit 100, median of " + PAGES + " per repetition");
        try (BenchServer service = BenchServer.start(dir, ServeSettings.Role.VIEWER, TOKEN);
             Console direct = service.store().console(new Actor("bench"))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int rep = -1; rep < Math.max(3, mode.reps()); rep++) { // rep -1 warms up
                double[] overHttp = new double[PAGES];
                double[] onServer = new double[PAGES];
                double[] byCreated = new double[PAGES];
                double[] byRetries = new double[PAGES];
                for (int i = 0; i < PAGES; i++) {
                    double before = serverSeconds(client, service.port());
                    overHttp[i] = timed(() -> page(client, service.port()));
                    onServer[i] = (serverSeconds(client, service.port()) - before) * 1e3;
                    byCreated[i] = timed(() -> direct.batches(BatchQuery.all(), BatchOrder.OLDEST_FIRST,
                            PageRequest.first(100)));
                    byRetries[i] = timed(() -> direct.batches(BatchQuery.all(), new BatchOrder(BatchOrder.Field.RETRIES,
                            BatchOrder.Direction.DESCENDING), PageRequest.first(100)));
                }
                if (rep >= 0) {
                    http.add("GET /api/v1/batches", median(overHttp));
                    serverSide.add("GET /api/v1/batches", median(onServer));
                    console.add("by created", median(byCreated));
                    console.add("by retries, descending", median(byRetries));
                }
                Progress.line(String.format("admin page rep %d: HTTP %.1f ms (server side %.1f ms), console by created"
                        + " %.1f ms, by retries desc %.1f ms", rep, median(overHttp), median(onServer), median(byCreated),
                        median(byRetries)));
            }
        } finally {
            Scratch.delete(dir);
        }
        return List.of(http, serverSide, console);
    }

    private static void page(HttpClient client, int port) throws Exception {
        HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/batches?limit=100"))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the page answered " + answer.statusCode());
        }
    }

    /** The server's own count of the seconds it spent answering the batches route so far. */
    private static double serverSeconds(HttpClient client, int port) throws Exception {
        HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/metrics")).header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        String prefix = "batchyard_http_request_duration_seconds_sum{route=\"batches_list\"} ";
        return metrics.body().lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(
                l.substring(prefix.length()).strip().split(" ")[0])).findFirst().orElse(0);
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static double timed(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
