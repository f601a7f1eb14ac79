package dev.batchyard.remote;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A Server-Sent Events body cut into lines, each at most {@value #MAX_LINE} bytes: a peer that
 * sends one endless line is cut off there instead of filling the heap. Lines go to {@code onLine}
 * (without their {@code \n} or {@code \r\n}) on the HTTP client's thread; {@link #ended()} completes
 * when the stream ends (normally or not) or is {@link #cancel() cancelled}. Remembers when it last
 * heard anything, for the reader's silence check.
 */
final class SseLines extends BodyReader<Void> {
    /** The largest event line: a data line is one event's JSON, a few hundred bytes. */
    static final int MAX_LINE = 1024 * 1024;

    private final Consumer<String> onLine;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private volatile long lastHeardNanos = System.nanoTime();

    SseLines(Consumer<String> onLine) {
        this.onLine = onLine;
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        lastHeardNanos = System.nanoTime();
        try {
            for (ByteBuffer b : items) {
                while (b.hasRemaining() && !ended().isDone()) {
                    byte c = b.get();
                    if (c == '\n') {
                        byte[] bytes = line.toByteArray();
                        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                        line.reset();
                        onLine.accept(new String(bytes, 0, n, StandardCharsets.UTF_8));
                    } else if (line.size() >= MAX_LINE) {
                        fail(new IllegalStateException("the event stream sent a line longer than " + MAX_LINE
                                + " bytes: not the admin API's events"));
                    } else {
                        line.write(c);
                    }
                }
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void onComplete() {
        ended().complete(null);
    }

    CompletableFuture<Void> ended() {
        return body();
    }

    /** Nanoseconds ({@link System#nanoTime()}) when bytes last came. */
    long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Gives the stream up: the connection is closed, {@link #ended()} completes. */
    @Override
    void cancel() {
        super.cancel();
        ended().complete(null);
    }
}
