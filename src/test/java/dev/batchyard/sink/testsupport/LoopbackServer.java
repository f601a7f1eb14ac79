package dev.batchyard.sink.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A real HTTP server on 127.0.0.1 that records every request and answers as the test says. */
public final class LoopbackServer implements AutoCloseable {

    public record Request(String method, String path, String query, com.sun.net.httpserver.Headers headers, String body) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    public record Reply(int status, String body, Duration delay) {
        public static Reply of(int status, String body) {
            return new Reply(status, body, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<Request, Reply> responder = r -> Reply.of(200, "{}");
    private volatile RawReply rawResponder;

    /** An answer written by hand on the exchange: headers, a trickled or endless body, ... */
    @FunctionalInterface
    public interface RawReply {
        void send(Request request, HttpExchange exchange) throws IOException, InterruptedException;
    }

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public LoopbackServer answer(Function<Request, Reply> how) {
        responder = how;
        return this;
    }

    /** Every request is answered by {@code how}, which writes the whole response itself. */
    public LoopbackServer answerRaw(RawReply how) {
        rawResponder = how;
        return this;
    }

    public LoopbackServer answer(int status, String body) {
        return answer(r -> Reply.of(status, body));
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body);
            requests.add(req);
            RawReply raw = rawResponder;
            if (raw != null) {
                raw.send(req, ex);
                return;
            }
            Reply reply = responder.apply(req);
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests.size());
        }
        return requests.get(0);
    }

    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
