package dev.batchyard.remote;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a remote console connects and how: the admin API's base URL ({@code http://127.0.0.1:7431},
 * {@code https://host:7431}), the token (none when the server asks for none), a CA file (PEM) to
 * trust for {@code https} instead of the JVM's defaults, and the timeouts: to connect, and for a
 * whole request (headers and body; a peer that drips its answer is cut off there).
 *
 * @param maxAnswerBytes the largest answer body read; a larger one is refused, not buffered
 * @param eventSilence   how long an event stream may say nothing (the server sends a keep-alive
 *                       every 15 s at most) before it is taken for dead and reconnected
 * @param reconnectMax   the longest wait between two reconnection attempts (the wait doubles from
 *                       {@link #RECONNECT_FIRST} up to this)
 */
public record RemoteEndpoint(URI baseUrl, Optional<BearerToken> token, Optional<Path> caFile, Duration connectTimeout,
                             Duration requestTimeout, long maxAnswerBytes, Duration eventSilence, Duration reconnectMax) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A page of 1,000 batches with their attempts, or a search's 1,000 hits, fits well within it. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_EVENT_SILENCE = Duration.ofSeconds(45);
    public static final Duration RECONNECT_FIRST = Duration.ofMillis(250);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(30);

    public RemoteEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(caFile, "caFile");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("'" + baseUrl + "' is not the admin API's URL: give http://HOST:PORT"
                    + " or https://HOST:PORT");
        }
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + baseUrl.getScheme() + "://" + baseUrl.getHost()
                    + "…' has user, query or fragment parts: give http://HOST:PORT (the token goes apart)");
        }
        if (caFile.isPresent() && !scheme.equals("https")) {
            throw new IllegalArgumentException("a CA file is for https; " + baseUrl + " is plain http");
        }
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
        baseUrl = URI.create(scheme + "://" + baseUrl.getRawAuthority() + (path.endsWith("/")
                ? path.substring(0, path.length() - 1) : path));
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        positive(eventSilence, "eventSilence");
        positive(reconnectMax, "reconnectMax");
        if (maxAnswerBytes < 1024) {
            throw new IllegalArgumentException("maxAnswerBytes must be at least 1024, not " + maxAnswerBytes);
        }
    }

    /** {@code url} with {@code token}, no CA file, and the default timeouts and caps. */
    public static RemoteEndpoint of(String url, BearerToken token) {
        return new RemoteEndpoint(URI.create(url.strip()), Optional.ofNullable(token), Optional.empty(),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_ANSWER_BYTES, DEFAULT_EVENT_SILENCE,
                DEFAULT_RECONNECT_MAX);
    }

    public RemoteEndpoint withCaFile(Path file) {
        return new RemoteEndpoint(baseUrl, token, Optional.of(file), connectTimeout, requestTimeout, maxAnswerBytes,
                eventSilence, reconnectMax);
    }

    public RemoteEndpoint withTimeouts(Duration connect, Duration request) {
        return new RemoteEndpoint(baseUrl, token, caFile, connect, request, maxAnswerBytes, eventSilence, reconnectMax);
    }

    public RemoteEndpoint withMaxAnswerBytes(long bytes) {
        return new RemoteEndpoint(baseUrl, token, caFile, connectTimeout, requestTimeout, bytes, eventSilence,
                reconnectMax);
    }

    public RemoteEndpoint withEvents(Duration silence, Duration reconnectWaitMax) {
        return new RemoteEndpoint(baseUrl, token, caFile, connectTimeout, requestTimeout, maxAnswerBytes, silence,
                reconnectWaitMax);
    }

    /** The URL of {@code path} (which starts with {@code /}) under the base URL. */
    URI resolve(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be above zero, not " + d);
        }
    }
}
