package dev.batchyard.serve.http;

import dev.batchyard.serve.auth.Caller;
import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.BodyTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * An {@link Exchange} over a Jetty request. The body is read at most once, up to
 * {@code maxBodyBytes} (a {@code Content-Length} over it is refused before reading), and within
 * {@code requestTimeout} overall: the connection's idle timeout ends a read that stalls, this
 * deadline ends one that trickles.
 */
final class JettyExchange implements Exchange {
    private final Request request;
    private final Caller caller;
    private final Map<String, String> pathParameters;
    private final int maxBodyBytes;
    private final Duration requestTimeout;
    private Fields query;

    JettyExchange(Request request, Caller caller, Map<String, String> pathParameters, int maxBodyBytes,
                  Duration requestTimeout) {
        this.request = request;
        this.caller = caller;
        this.pathParameters = Map.copyOf(pathParameters);
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public String query(String name) {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        return query.getValue(name);
    }

    @Override
    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    @Override
    public byte[] body() {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            throw tooLarge("is " + declared + " bytes");
        }
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        if (declared >= 0) {
            return declaredBody((int) declared, deadline);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[16 * 1024];
        try (InputStream in = Request.asInputStream(request)) {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                if (out.size() + n > maxBodyBytes) {
                    throw tooLarge("is over " + maxBodyBytes + " bytes");
                }
                out.write(chunk, 0, n);
                if (System.nanoTime() - deadline > 0) {
                    throw new RequestTimeoutException("the body did not arrive within " + requestTimeout.toSeconds()
                            + "s (serve.limits.request_timeout); " + out.size() + " bytes came");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * A body of known length (every shipper's push has one), read straight into its own array: no
     * chunk buffer, no growing copy and no copy at the end, which the chunked path below needs.
     * Jetty itself refuses a body longer or shorter than its {@code Content-Length}.
     */
    private byte[] declaredBody(int length, long deadline) {
        byte[] body = new byte[length];
        int filled = 0;
        try (InputStream in = Request.asInputStream(request)) {
            while (filled < length) {
                int n = in.read(body, filled, length - filled);
                if (n < 0) {
                    throw new UncheckedIOException(new EOFException("the body ended after " + filled + " of its "
                            + length + " bytes (Content-Length)"));
                }
                filled += n;
                if (System.nanoTime() - deadline > 0) {
                    throw new RequestTimeoutException("the body did not arrive within " + requestTimeout.toSeconds()
                            + "s (serve.limits.request_timeout); " + filled + " bytes came");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed: " + e.getMessage(), e);
        }
        return body;
    }

    private BodyTooLargeException tooLarge(String what) {
        return new BodyTooLargeException("the body " + what + ", over the limit of " + maxBodyBytes + " bytes ("
                + BodyLimits.BODY_KEY + ")");
    }
}
