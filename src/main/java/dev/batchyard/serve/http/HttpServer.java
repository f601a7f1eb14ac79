package dev.batchyard.serve.http;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.serve.auth.BearerTokens;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP(S) server of {@code batchyard serve}: Jetty 12's core API (no servlets), one connector
 * on the listen address, the routes behind {@link ApiHandler}. {@link #close()} stops accepting,
 * lets requests under way finish (up to {@code drain}), then stops: a push being made durable is
 * answered, not cut. Jetty's threads may block (a body being read, a group commit); at most
 * {@value #MAX_THREADS} requests run at once, the rest wait in line.
 */
public final class HttpServer implements AutoCloseable {
    static final int MAX_THREADS = 64;
    static final int INPUT_BUFFER_BYTES = 64 * 1024;

    private final Server server;
    private final ServerConnector connector;

    private HttpServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts listening.
     *
     * @param tls   the server's TLS identity from {@code serve.tls}, or empty for plain HTTP
     * @param drain how long {@link #close()} waits for requests under way
     * @throws java.io.UncheckedIOException when the address cannot be bound (in use, not local)
     */
    public static HttpServer start(ListenAddress listen, Optional<ServeSettings.TlsFiles> tls, List<Route> routes,
                                   BearerTokens tokens, ServeSettings.Limits limits, Duration retryAfter,
                                   RequestObserver observer, Duration drain) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("batchyard-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // a push arrives in one read instead of several: 8 KiB (Jetty's default) took three reads and a
        // failed one per 16 KiB push; the buffer goes back to Jetty's pool whenever the connection is idle
        http.setInputBufferSize(INPUT_BUFFER_BYTES);
        ServerConnector connector;
        if (tls.isPresent()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(PemTls.context(tls.get().certFile(), tls.get().keyFile()));
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // clients may name the server by IP, which carries no SNI
            http.addCustomizer(secure);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(listen.host());
        connector.setPort(listen.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        // on stop, a kept-alive connection with no request under way is closed after this, not 1 s
        connector.setShutdownIdleTimeout(200);
        server.addConnector(connector);
        JsonBodies json = new JsonBodies();
        ApiHandler api = new ApiHandler(routes, tokens, new BrowserGuard(listen.isLoopback()),
                new Refusals(json, retryAfter), json, observer, limits.maxBodyBytes(), limits.requestTimeout());
        server.setHandler(new GracefulHandler(api));
        server.setStopTimeout(drain.toMillis());
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what to report
            }
            throw new java.io.UncheckedIOException("cannot listen on " + listen + ": " + why(e),
                    e instanceof java.io.IOException io ? io : new java.io.IOException(e));
        }
        return new HttpServer(server, connector);
    }

    /** What went wrong binding, in words an operator can act on. */
    private static String why(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException bind) {
                return bind.getMessage() + " (another process listens on that port, or the address is not one of"
                        + " this machine's; choose another with --listen or serve.listen)";
            }
        }
        return e.getMessage();
    }

    /** The port actually bound (the OS's choice when the configured port was 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), port());
    }

    /** Stops accepting, waits for requests under way (up to the drain time), and stops. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the HTTP server failed: " + e.getMessage(), e);
        }
    }
}
