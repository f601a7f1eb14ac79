package dev.batchyard.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventBus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code GET /api/v1/events} for one subscription on a thread of its own, publishing each
 * event to that subscription's {@link EventBus} (whose bounded mailbox counts what its reader is too
 * slow to take, as in-process). When the stream drops (the server went away, a proxy cut it, it was
 * silent past {@link RemoteEndpoint#eventSilence()}) it reconnects, waiting from
 * {@link RemoteEndpoint#RECONNECT_FIRST} doubling up to {@link RemoteEndpoint#reconnectMax()}, and
 * resumes with {@code Last-Event-ID}; the server then sends what came meanwhile, or says how many
 * events are gone ({@link BatchEvent.Missed}), or, when it was restarted and knows nothing of the id,
 * that an unknown number is gone: a {@code Missed} of {@value #UNKNOWN_COUNT}.
 */
final class EventStreamReader {
    /** The count of a {@link BatchEvent.Missed} when how many is not known (the server restarted). */
    static final long UNKNOWN_COUNT = -1;
    private static final Logger LOG = LoggerFactory.getLogger(EventStreamReader.class);
    private static final long CHECK_MILLIS = 100;

    private final AdminHttp http;
    private final Connection connection;
    private final EventBus bus;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile SseLines current;
    /** Completes once the first connection was answered or failed: {@link #start()} waits for it. */
    private final CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
    /** The id of the last event received, sent as {@code Last-Event-ID} when reconnecting; null before any. */
    private volatile String lastId;

    EventStreamReader(AdminHttp http, Connection connection, EventBus bus, Clock clock) {
        this.http = http;
        this.connection = connection;
        this.bus = bus;
        this.clock = clock;
        this.thread = new Thread(this::run, "batchyard-remote-events " + http.location());
        thread.setDaemon(true);
    }

    /** Starts reading; returns once the first connection answered (or failed: the reader goes on trying). */
    void start() {
        thread.start();
        try {
            firstAnswer.get(http.endpoint().requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // not there yet: the reader goes on trying, and the connection's state says so
        }
    }

    /** Stops reading and closes the stream; safe to call more than once, from any thread. */
    void stop() {
        stopping = true;
        SseLines s = current;
        if (s != null) {
            s.cancel();
        }
        thread.interrupt();
        firstAnswer.complete(null);
    }

    private void run() {
        int attempt = 0;
        while (!stopping) {
            String problem = readOnce();
            firstAnswer.complete(null);
            if (stopping) {
                return;
            }
            if (problem == null) {
                attempt = 0; // a stream that ended cleanly (a server shutting down): try again at once, then back off
                problem = "GET " + http.endpoint().resolve("/api/v1/events") + ": the server ended the event stream";
            }
            attempt++;
            Duration wait = backoff(attempt);
            connection.reconnecting(attempt, clock.instant().plus(wait), problem);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Duration backoff(int attempt) {
        long first = RemoteEndpoint.RECONNECT_FIRST.toMillis();
        long max = http.endpoint().reconnectMax().toMillis();
        long wait = attempt >= 20 ? max : Math.min(max, first << (attempt - 1));
        return Duration.ofMillis(Math.max(first, wait));
    }

    /** One connection, read until it ends; null when it ended cleanly, else what went wrong. */
    private String readOnce() {
        HttpRequest.Builder request = http.request("/api/v1/events", "text/event-stream").GET();
        String resumeFrom = lastId;
        if (resumeFrom != null) {
            request.header("Last-Event-ID", resumeFrom);
        }
        Frames frames = new Frames();
        SseLines lines = new SseLines(frames);
        // written by the HTTP client's thread when the headers come, read by this one
        java.util.concurrent.atomic.AtomicReference<CappedBody> refusal = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<HttpResponse<Object>> answer = http.client().sendAsync(request.build(), info -> {
            status.set(info.statusCode());
            if (info.statusCode() == 200) {
                connection.succeeded();
                firstAnswer.complete(null);
                @SuppressWarnings("unchecked")
                HttpResponse.BodySubscriber<Object> body = (HttpResponse.BodySubscriber<Object>) (Object) lines;
                return body;
            }
            refusal.set(new CappedBody(64 * 1024));
            @SuppressWarnings("unchecked")
            HttpResponse.BodySubscriber<Object> body = (HttpResponse.BodySubscriber<Object>) (Object) refusal.get();
            return body;
        });
        current = lines;
        if (stopping) {
            lines.cancel();
        }
        String what = "GET " + http.endpoint().resolve("/api/v1/events");
        long started = System.nanoTime();
        long headerLimit = http.endpoint().requestTimeout().toNanos();
        long silenceLimit = http.endpoint().eventSilence().toNanos();
        try {
            while (true) {
                if (stopping) {
                    lines.cancel();
                    answer.cancel(true);
                    return null;
                }
                if (status.get() == 0 && answer.isDone()) {
                    return what + ": " + AdminHttp.transportProblem(cause(answer));
                }
                if (status.get() == 0 && System.nanoTime() - started > headerLimit) {
                    answer.cancel(true);
                    return what + ": no answer within " + Texts.seconds(http.endpoint().requestTimeout());
                }
                if (status.get() != 0 && status.get() != 200) {
                    answer.get(http.endpoint().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    String body = refusal.get() == null ? "" : new String(
                            refusal.get().getBody().toCompletableFuture().getNow(new byte[0]), StandardCharsets.UTF_8);
                    return what + " answered " + status.get() + (status.get() == 401 ? " (the token was refused)" : "")
                            + ": " + Texts.clean(body);
                }
                if (lines.ended().isDone()) {
                    if (lines.ended().isCompletedExceptionally()) {
                        return what + ": " + AdminHttp.transportProblem(cause(lines.ended()));
                    }
                    return null;
                }
                if (status.get() == 200 && System.nanoTime() - lines.lastHeardNanos() > silenceLimit) {
                    lines.cancel();
                    return what + ": nothing heard for " + Texts.seconds(http.endpoint().eventSilence())
                            + " (the server sends a keep-alive every 15 s at most)";
                }
                Thread.sleep(CHECK_MILLIS);
            }
        } catch (InterruptedException e) {
            lines.cancel();
            answer.cancel(true);
            return null;
        } catch (Exception e) {
            lines.cancel();
            return what + ": " + AdminHttp.transportProblem(e);
        } finally {
            current = null;
        }
    }

    private static Throwable cause(CompletableFuture<?> done) {
        try {
            done.getNow(null);
            return new IllegalStateException("ended");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    /** Puts lines together into events (SSE: {@code id:}, {@code event:}, {@code data:}, a blank line ends one). */
    private final class Frames implements Consumer<String> {
        private String id;
        private String name;
        private final StringBuilder data = new StringBuilder();

        @Override
        public void accept(String line) {
            if (line.isEmpty()) {
                dispatch();
            } else if (line.startsWith(":")) {
                connection.succeeded(); // a keep-alive: the server is there
            } else if (line.startsWith("id:")) {
                id = value(line, 3);
            } else if (line.startsWith("event:")) {
                name = value(line, 6);
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(value(line, 5));
            } // "retry:" and unknown fields: ignored, as SSE says
        }

        private String value(String line, int from) {
            return line.length() > from && line.charAt(from) == ' ' ? line.substring(from + 1) : line.substring(from);
        }

        private void dispatch() {
            try {
                if (name != null && data.length() > 0) {
                    publish(name, http.json().readTree(data.toString()));
                }
                if (id != null) {
                    lastId = id;
                }
            } catch (Exception e) {
                LOG.warn("an event from {} could not be read ({}); it counts as missed", http.location(),
                        Texts.clean(e.getMessage()));
                bus.publish(new BatchEvent.Missed(clock.instant(), 1));
                if (id != null) {
                    lastId = id;
                }
            } finally {
                id = null;
                name = null;
                data.setLength(0);
            }
            connection.succeeded();
        }

        private void publish(String event, JsonNode d) {
            if (event.equals("missed")) {
                JsonNode count = d.path("count");
                bus.publish(new BatchEvent.Missed(ApiJson.instant(d, "at"),
                        count.isIntegralNumber() ? count.asLong() : UNKNOWN_COUNT));
            } else {
                bus.publish(EventFromJson.read(event, d));
            }
        }
    }
}
