package dev.batchyard.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.engine.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that is not a good {@code serve}: one that never answers, drips its answer, sends far too
 * much, sends JSON of another shape or no JSON, or opens an event stream and says nothing. The
 * client ends each within its timeouts and caps, with a {@link StoreException} naming the URL, and
 * holds no more than its cap.
 */
class LyingServerTest {
    /** What {@code GET /api/v1/store} of a writable store with default settings answers. */
    static final String STORE = """
            {"location":"/srv/store","writable":true,"access":{"kind":"writable"},"settings":{"enabled":true,
            "directory":"/srv/store","max_pending_batches":10000,"batch_timeout":"PT30S","max_recovery_retries":5,
            "recovery_backoff_base":"PT1S","recovery_backoff_max":"PT1M","cleanup_interval":"PT1M","batch_ttl":"PT24H",
            "max_batch_bytes":67108864,"max_pending_bytes":1073741824,"dead_batch_ttl":"PT0S","max_dead_batches":0,
            "discard_grace":"PT15M","requeue_loop_limit":3},"configured_sinks":["loki"],
            "caller":{"name":"ops","role":"operator"}}""";

    /** How a path answers. */
    @FunctionalInterface
    interface Behaviour {
        void answer(HttpExchange exchange) throws Exception;
    }

    private HttpServer server;
    private ExecutorService threads;
    private final Map<String, Behaviour> paths = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try {
                paths.getOrDefault(exchange.getRequestURI().getPath(), x -> send(x, 404, "{\"error\":\"no such path\"}"))
                        .answer(exchange);
            } catch (Exception e) {
                // the client went away: what a lying peer sees
            } finally {
                exchange.close();
            }
        });
        server.start();
        paths.put("/api/v1/store", x -> send(x, 200, STORE));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private RemoteEndpoint endpoint() {
        return RemoteEndpoint.of("http://127.0.0.1:" + server.getAddress().getPort(), BearerToken.of("t0k3n".toCharArray()))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(600)).withMaxAnswerBytes(64 * 1024)
                .withEvents(Duration.ofMillis(500), Duration.ofMillis(500));
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    private static long millis(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAfterTheRequestTimeout() {
        paths.put("/api/v1/store", x -> Thread.sleep(60_000));

        long took = millis(() -> {
            StoreException e = assertThrows(StoreException.class, () -> RemoteConsole.open(endpoint()));
            assertTrue(e.getMessage().contains("no whole answer within 600 ms"), e.getMessage());
            assertTrue(e.getMessage().startsWith("GET http://127.0.0.1:"), e.getMessage());
        });

        assertTrue(took < 10_000, took + " ms");
    }

    @Test
    void anAnswerDrippedAByteAtATimeIsCutOffAtTheRequestTimeout() {
        paths.put("/api/v1/store", x -> {
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            for (int i = 0; i < 600; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(100);
            }
        });

        StoreException e = assertThrows(StoreException.class, () -> RemoteConsole.open(endpoint()));

        assertTrue(e.getMessage().contains("no whole answer within"), e.getMessage());
    }

    @Test
    void anAnswerOverTheCapIsRefusedNotBuffered() {
        paths.put("/api/v1/store", x -> {
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 16 * 1024; i++) { // a gigabyte, if it were read
                out.write(chunk);
            }
        });

        StoreException e = assertThrows(StoreException.class, () -> RemoteConsole.open(endpoint()));

        assertTrue(e.getMessage().contains("larger than 65536 bytes"), e.getMessage());
    }

    @Test
    void jsonOfAnotherShapeOrNoJsonIsAnAnswerTheClientCannotRead() {
        paths.put("/api/v1/stats", x -> send(x, 200, "{\"batches\": \"many\"}"));
        paths.put("/api/v1/sinks", x -> send(x, 200, "<html>not the API</html>"));
        paths.put("/api/v1/capacity", x -> send(x, 200, "[1,2,3]"));
        RemoteConsole inTest = RemoteConsole.open(endpoint());

        for (Runnable call : List.<Runnable>of(inTest::stats, inTest::sinks, inTest::capacity)) {
            StoreException e = assertThrows(StoreException.class, call::run);
            assertTrue(e.getMessage().contains("http://127.0.0.1:"), e.getMessage());
            assertTrue(e.getMessage().contains("batchyard serve"), e.getMessage());
        }
        assertTrue(inTest.connectionState() instanceof ConnectionState.Disconnected);
        inTest.close();
    }

    @Test
    void aServerAnswering5xxIsAStoreExceptionWithItsWordsCleaned() {
        paths.put("/api/v1/stats", x -> send(x, 503, "{\"error\":\"disk full\\u001b[2J\\nnext line\"}"));
        RemoteConsole inTest = RemoteConsole.open(endpoint());

        StoreException e = assertThrows(StoreException.class, inTest::stats);

        assertTrue(e.getMessage().endsWith("/api/v1/stats answered 503: disk full [2J next line"), e.getMessage());
        inTest.close();
    }

    @Test
    void backPressureComesWithTheServersRetryAfter() {
        paths.put("/api/v1/actions/retry", x -> {
            x.getResponseHeaders().add("Retry-After", "7");
            send(x, 429, "{\"error\":\"store holds 10 batches, max_pending_batches is 10\"}");
        });
        RemoteConsole inTest = RemoteConsole.open(endpoint());

        BackPressureException e = assertThrows(BackPressureException.class, () -> inTest.retryNow(List.of("b-1")));

        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().contains("try again in 7 s"), e.getMessage());
        inTest.close();
    }

    @Test
    void anEventStreamSendingOneEndlessLineIsCutOffAtTheLineCap() throws Exception {
        paths.put("/api/v1/events", x -> {
            x.getResponseHeaders().add("Content-Type", "text/event-stream");
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            out.write("data: ".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 16 * 1024; i++) { // a gigabyte without a line break, if it were read
                out.write(chunk);
            }
        });
        RemoteConsole inTest = RemoteConsole.open(endpoint());

        inTest.subscribe(10);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(inTest.connectionState() instanceof ConnectionState.Reconnecting) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        ConnectionState state = inTest.connectionState();
        assertTrue(state instanceof ConnectionState.Reconnecting r && r.lastError().contains("a line longer than 1048576"
                + " bytes"), state.toString());
        inTest.close();
    }

    @Test
    void anEventStreamThatFallsSilentIsTakenForDeadAndReconnected() throws Exception {
        paths.put("/api/v1/events", x -> {
            x.getResponseHeaders().add("Content-Type", "text/event-stream");
            x.sendResponseHeaders(200, 0);
            x.getResponseBody().write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            x.getResponseBody().flush();
            Thread.sleep(60_000);
        });
        RemoteConsole inTest = RemoteConsole.open(endpoint());

        inTest.subscribe(10);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(inTest.connectionState() instanceof ConnectionState.Reconnecting) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        ConnectionState state = inTest.connectionState();
        assertTrue(state instanceof ConnectionState.Reconnecting r && r.lastError().contains("nothing heard for 500 ms"),
                state.toString());
        inTest.close();
    }
}
