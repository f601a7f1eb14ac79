package dev.batchyard.serve.http;

import java.io.IOException;

/**
 * A body written over time instead of all at once (Server-Sent Events): the server sends the status
 * and headers, then runs this on the request's thread until it returns, throws, or the client goes
 * away (a send then fails with an {@link IOException}). A client that stops reading blocks a send
 * until the connection's idle timeout ({@code serve.limits.idle_timeout}) fails it, so a stuck client
 * holds a thread for at most that long.
 */
@FunctionalInterface
public interface BodyStream {

    /** Writes the body through {@code out}, which is flushed after each send. */
    void write(Chunks out) throws IOException, InterruptedException;

    /** Where a {@link BodyStream} writes. */
    @FunctionalInterface
    interface Chunks {
        /** Writes {@code text} (UTF-8) and flushes it to the client; returns once the client's connection took it. */
        void send(String text) throws IOException;
    }
}
