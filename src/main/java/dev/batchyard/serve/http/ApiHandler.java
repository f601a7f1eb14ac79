package dev.batchyard.serve.http;

import dev.batchyard.serve.auth.Access;
import dev.batchyard.serve.auth.BearerTokens;
import dev.batchyard.serve.auth.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request goes through here, in this order: the {@link BrowserGuard} (403), the route by
 * path (404) and method (405), the caller's token (401 without a known one, unless the route needs
 * no access), the caller's role (403), then the route, whose refusals become their status
 * ({@link Refusals}) and whose bugs a 500 that names no detail (the log has it). Every answer is
 * counted by the {@link RequestObserver}. Thread-safe; runs on Jetty's threads, which may block
 * (reading a body, an admin action). A route that answers later ({@link Route#later}: the ingest
 * routes, waiting for a group commit) lets its thread go, and its answer is written by whichever
 * thread completes it (the store's writer), which only hands the bytes to Jetty and never blocks.
 */
final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final List<Route> routes;
    private final BearerTokens tokens;
    private final BrowserGuard guard;
    private final Refusals refusals;
    private final JsonBodies json;
    private final RequestObserver observer;
    private final int maxBodyBytes;
    private final Duration requestTimeout;

    ApiHandler(List<Route> routes, BearerTokens tokens, BrowserGuard guard, Refusals refusals, JsonBodies json,
               RequestObserver observer, int maxBodyBytes, Duration requestTimeout) {
        this.routes = List.copyOf(routes);
        this.tokens = tokens;
        this.guard = guard;
        this.refusals = refusals;
        this.json = json;
        this.observer = observer;
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String[] routeName = {"unmatched"};
        CompletionStage<Answer> answer;
        try {
            answer = answer(request, routeName);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), Request.getPathInContext(request), e);
            answer = now(json.error(500, "internal error; the server's log has the details"));
        }
        answer.whenComplete((given, failure) -> {
            try {
                Answer sent = failure == null ? given : refused(request, failure instanceof CompletionException c
                        && c.getCause() != null ? c.getCause() : failure);
                write(response, callback, sent);
                observer.answered(routeName[0], sent.status(), System.nanoTime() - start);
            } catch (RuntimeException e) {
                LOG.error("{} {}: answering failed", request.getMethod(), Request.getPathInContext(request), e);
                callback.failed(e);
            }
        });
        return true;
    }

    /** The route's answer, or the refusal that comes before it (guard, path, method, token, role). */
    private CompletionStage<Answer> answer(Request request, String[] routeName) {
        Optional<String> refused = guard.refusal(request.getHeaders().get(HttpHeader.ORIGIN),
                request.getHeaders().get(HttpHeader.HOST));
        if (refused.isPresent()) {
            return refusedUnread(request, json.error(403, refused.get()));
        }
        String path = Request.getPathInContext(request);
        Route route = null;
        Map<String, String> parameters = null;
        boolean pathKnown = false;
        for (Route r : routes) {
            Optional<Map<String, String>> match = r.match(path);
            if (match.isPresent()) {
                pathKnown = true;
                if (r.method().equals(request.getMethod())) {
                    route = r;
                    parameters = match.get();
                    break;
                }
            }
        }
        if (route == null) {
            return refusedUnread(request, pathKnown ? json.error(405, request.getMethod() + " is not allowed on this path")
                    : json.error(404, "no such path"));
        }
        routeName[0] = route.name();
        Optional<Caller> caller = route.access() == Access.NONE ? Optional.of(Caller.ANONYMOUS)
                : tokens.caller(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (caller.isEmpty()) {
            return refusedUnread(request, json.error(401, "a valid token is needed: send Authorization: Bearer <token>")
                    .with("WWW-Authenticate", "Bearer realm=\"batchyard\""));
        }
        if (!caller.get().may(route.access())) {
            return refusedUnread(request, json.error(403, "the token '" + caller.get().name() + "' ("
                    + caller.get().role().name().toLowerCase(java.util.Locale.ROOT) + ") may not "
                    + verb(route.access())));
        }
        try {
            return route.handler().answerLater(new JettyExchange(request, caller.get(), parameters, maxBodyBytes,
                    requestTimeout));
        } catch (Exception e) {
            return now(refused(request, e));
        }
    }

    /** What a route's exception (thrown, or failing its later answer) is answered with. */
    private Answer refused(Request request, Throwable e) {
        if (e instanceof UncheckedIOException) {
            // the client went away or broke the connection mid-body: nothing was stored
            return json.error(400, e.getMessage());
        }
        Optional<Answer> known = e instanceof Exception exception ? refusals.answer(exception) : Optional.empty();
        if (known.isPresent()) {
            if (known.get().status() >= 500) {
                LOG.warn("{} {}: {}", request.getMethod(), Request.getPathInContext(request), e.getMessage());
            }
            return known.get();
        }
        LOG.error("{} {} failed", request.getMethod(), Request.getPathInContext(request), e);
        return json.error(500, "internal error; the server's log has the details");
    }

    /**
     * A refusal given before a route read the request's body: the body (of a stated length no longer
     * than a route would read) is read and dropped first. Answered over an unread body, the server
     * closes the connection, and a body still on its way then meets a reset that can destroy the
     * answer before the client reads it: a client with a wrong token saw a broken connection, not its
     * 401. A body of unknown or larger length is not waited for; that connection closes.
     */
    private CompletionStage<Answer> refusedUnread(Request request, Answer answer) {
        long length = request.getLength();
        if (length <= 0 || length > maxBodyBytes) {
            return now(answer);
        }
        CompletableFuture<Answer> drained = new CompletableFuture<>();
        Content.Source.consumeAll(request, Callback.from(() -> drained.complete(answer),
                failure -> drained.complete(answer)));   // the client went away: the answer finds no one either
        return drained;
    }

    private static CompletionStage<Answer> now(Answer answer) {
        return CompletableFuture.completedFuture(answer);
    }

    private static String verb(Access access) {
        return switch (access) {
            case NONE, READ -> "read";
            case INGEST -> "push batches";
            case CHANGE -> "change the store";
        };
    }

    private static void write(Response response, Callback callback, Answer answer) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (answer.stream() != null) {
            stream(response, callback, answer);
            return;
        }
        if (answer.length() == 0) {
            if (answer.status() != 204) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            }
            callback.succeeded(); // completes the response, with no body
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.length());
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(answer.bodyForWriting()), callback);
    }

    /** Runs a streamed body on this thread, each send blocking until the connection took it. */
    private static void stream(Response response, Callback callback, Answer answer) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        try {
            answer.stream().write(text -> {
                try (Blocker.Callback sent = Blocker.callback()) {
                    response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), sent);
                    sent.block();
                }
            });
            response.write(true, ByteBuffer.allocate(0), callback);
        } catch (IOException e) {
            // the client went away or stopped reading until the idle timeout: the stream is over
            callback.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (RuntimeException e) {
            LOG.error("a streamed answer failed", e);
            callback.failed(e);
        }
    }
}
