package dev.batchyard.remote;

import java.time.Instant;
import java.util.Objects;

/**
 * How a remote console's connection stands, for a window's header and status bar: each state
 * carries the time of the last exchange that succeeded ({@code null} before the first), so "last
 * heard from 14:02:11" can be shown whatever happened since.
 */
public sealed interface ConnectionState {

    /** When an exchange with the server last succeeded, or {@code null}. */
    Instant lastSuccess();

    /** The last exchange succeeded. */
    record Connected(Instant lastSuccess) implements ConnectionState {
    }

    /**
     * The server could not be reached and an event stream is trying again.
     *
     * @param attempt   the attempt that comes next, from 1
     * @param nextTry   when it is made
     * @param lastError what went wrong last, in a sentence naming the URL (never the token)
     */
    record Reconnecting(int attempt, Instant nextTry, String lastError, Instant lastSuccess) implements ConnectionState {
        public Reconnecting {
            Objects.requireNonNull(nextTry, "nextTry");
            Objects.requireNonNull(lastError, "lastError");
        }
    }

    /**
     * The last exchange failed and nothing is trying again (no event stream is open), or the console
     * was closed; the next call tries again.
     */
    record Disconnected(String lastError, Instant lastSuccess) implements ConnectionState {
        public Disconnected {
            Objects.requireNonNull(lastError, "lastError");
        }
    }

    /** A listener's registration: close it to stop hearing of changes. */
    @FunctionalInterface
    interface Listening extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether changes may be sent: they are refused at once while the server is known to be away. */
    default boolean connected() {
        return this instanceof Connected;
    }
}
