package dev.batchyard.serve.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.serve.auth.Access;
import dev.batchyard.serve.auth.BearerTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Routes that answer later ({@link Route#later}, as the ingest routes wait for a group commit): no
 * thread is held while they wait, the answer goes out when it comes, and a failure is answered as a
 * thrown refusal would be.
 */
class LaterAnswersTest {
    /** More than the server has threads: if each held one, the quick route below would wait in line. */
    private static final int WAITING = HttpServer.MAX_THREADS + 16;

    private final List<CompletableFuture<Answer>> pending = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer server;

    private HttpServer start(Route... routes) {
        ServeSettings.Limits limits = ServeSettings.defaults().limits();
        server = HttpServer.start(ListenAddress.parse("127.0.0.1:0"), Optional.empty(), List.of(routes),
                new BearerTokens(List.of()), limits, Duration.ofSeconds(3), RequestObserver.NONE, Duration.ofSeconds(5));
        return server;
    }

    private Route waiting() {
        return Route.later("POST", "/wait", Access.NONE, "wait", exchange -> {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            synchronized (pending) {
                pending.add(answer);
                pending.notifyAll();
            }
            return answer;
        });
    }

    private CompletableFuture<HttpResponse<String>> post(String path) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitPending(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (pending) {
            while (pending.size() < count) {
                long left = deadline - System.nanoTime();
                assertTrue(left > 0, "only " + pending.size() + " of " + count + " requests reached the route");
                pending.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    @AfterEach
    void stop() {
        pending.forEach(p -> p.complete(Answer.noContent()));
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requestsWaitingForTheirAnswerHoldNoThreadAndAreAnsweredWhenItComes() throws Exception {
        start(waiting(), new Route("GET", "/quick", Access.NONE, "quick", exchange -> Answer.text(200, "text/plain", "ok")));
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            waiting.add(post("/wait"));
        }
        awaitPending(WAITING);

        HttpResponse<String> quick = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/quick")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, quick.statusCode(), "answered beside " + WAITING + " waiting requests");
        assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "no answer before its time");

        synchronized (pending) {
            pending.forEach(p -> p.complete(Answer.noContent()));
        }
        for (CompletableFuture<HttpResponse<String>> w : waiting) {
            assertEquals(204, w.get(20, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void aFailedAnswerIsTheRefusalItsExceptionNames() throws Exception {
        start(waiting());
        CompletableFuture<HttpResponse<String>> stopped = post("/wait");
        awaitPending(1);
        CompletableFuture<HttpResponse<String>> full = post("/wait");
        awaitPending(2);

        pending.get(0).completeExceptionally(new StoreException("write-ahead log stopped: cannot write 00001.seg: "
                + "java.io.IOException: Input/output error"));
        pending.get(1).completeExceptionally(new BackPressureException("store holds 10 batches, the limit is 10"));

        HttpResponse<String> failedDisk = stopped.get(20, TimeUnit.SECONDS);
        assertEquals(503, failedDisk.statusCode());
        assertTrue(failedDisk.body().contains("Input/output error"), failedDisk.body());
        HttpResponse<String> tooMany = full.get(20, TimeUnit.SECONDS);
        assertEquals(429, tooMany.statusCode());
        assertEquals("3", tooMany.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void aRouteThatThrowsBeforeItWaitsIsRefusedAtOnce() throws Exception {
        start(Route.later("POST", "/refuse", Access.NONE, "refuse", exchange -> {
            throw new BackPressureException("full");
        }));
        HttpResponse<String> answer = post("/refuse").get(20, TimeUnit.SECONDS);
        assertEquals(429, answer.statusCode());
        assertFalse(answer.body().isEmpty());
    }
}
