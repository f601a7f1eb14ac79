package dev.batchyard.serve.http;

import dev.batchyard.serve.auth.Access;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One operation of the API: a method, a path pattern ({@code /api/v1/batches/{id}}), what it does
 * to the store ({@link Access}, which decides the roles that may call it), a name for metrics and
 * logs, and the code that answers it. Immutable.
 */
public record Route(String method, String pattern, Access access, String name, Handler handler) {

    /** Answers one request. Throwing is fine: the server turns known refusals into their status. */
    @FunctionalInterface
    public interface Handler {
        Answer answer(Exchange exchange) throws Exception;

        /**
         * The answer, given when it is ready: the server calls this, so a handler that waits for
         * something (a group commit) can let the request's thread go meanwhile. A failed stage is
         * answered as a thrown exception would be. By default, {@link #answer} now.
         */
        default CompletionStage<Answer> answerLater(Exchange exchange) throws Exception {
            return CompletableFuture.completedFuture(answer(exchange));
        }
    }

    /** Answers one request once something it waits for is done, without holding a thread meanwhile. */
    @FunctionalInterface
    public interface Later {
        CompletionStage<Answer> answer(Exchange exchange) throws Exception;
    }

    /** A route whose answer comes when {@code later}'s stage completes (see {@link Handler#answerLater}). */
    public static Route later(String method, String pattern, Access access, String name, Later later) {
        Objects.requireNonNull(later, "later");
        return new Route(method, pattern, access, name, new Handler() {
            @Override
            public Answer answer(Exchange exchange) throws Exception {
                try {
                    return later.answer(exchange).toCompletableFuture().join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }

            @Override
            public CompletionStage<Answer> answerLater(Exchange exchange) throws Exception {
                return later.answer(exchange);
            }
        });
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route's pattern starts with /: " + pattern);
        }
    }

    /** The path parameters if {@code path} matches this route's pattern. */
    Optional<Map<String, String>> match(String path) {
        List<String> want = segments(pattern);
        List<String> got = segments(path);
        if (want.size() != got.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            if (w.startsWith("{") && w.endsWith("}")) {
                if (got.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(w.substring(1, w.length() - 1), got.get(i));
            } else if (!w.equals(got.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static List<String> segments(String path) {
        return List.of(path.substring(1).split("/", -1));
    }
}
