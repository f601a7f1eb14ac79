package dev.batchyard.remote;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body read as it comes, which can be given up from any thread at any time
 * ({@link #cancel()}): before the body started (it is refused at once) or while it flows (the
 * connection is closed). The subclass says what to do with the bytes and completes {@link #body()}.
 */
abstract class BodyReader<T> implements HttpResponse.BodySubscriber<T> {
    private final CompletableFuture<T> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    @Override
    public final CompletionStage<T> getBody() {
        return body;
    }

    final CompletableFuture<T> body() {
        return body;
    }

    @Override
    public final void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public final void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    /** Stops reading: the connection is given up. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** Stops reading because of what came: {@link #body()} fails with {@code why}. */
    final void fail(Exception why) {
        body.completeExceptionally(why); // first: a subclass's cancel may end the body as if it were done
        cancel();
    }
}
