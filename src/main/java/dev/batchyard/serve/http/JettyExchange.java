package dev.batchyard.serve.http;

import dev.batchyard.serve.auth.Caller;
import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.BodyTooLargeException;
import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
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

    private BodyTooLargeException tooLarge(String what) {
        return new BodyTooLargeException("the body " + what + ", over the limit of " + maxBodyBytes + " bytes ("
                + BodyLimits.BODY_KEY + ")");
    }
}
