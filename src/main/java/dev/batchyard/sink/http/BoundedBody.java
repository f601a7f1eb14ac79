package dev.batchyard.sink.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to {@code limit} bytes and no further: past it the subscription is
 * cancelled (the JDK client then drops the connection) and the body so far is the answer, marked
 * {@link ResponseBody#cut()}. One per response; the JDK client calls it from one thread at a time.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<ResponseBody> {
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<ResponseBody> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(int limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<ResponseBody> handler(int limit) {
        return info -> new BoundedBody(limit);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            int room = limit - bytes.size();
            if (b.remaining() > room) {
                copy(b, room);
                subscription.cancel();
                result.complete(new ResponseBody(text(), true));
                return;
            }
            copy(b, b.remaining());
        }
        subscription.request(1);
    }

    private void copy(ByteBuffer b, int n) {
        byte[] chunk = new byte[n];
        b.get(chunk);
        bytes.write(chunk, 0, n);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(new ResponseBody(text(), false));
    }

    @Override
    public CompletionStage<ResponseBody> getBody() {
        return result;
    }
}
