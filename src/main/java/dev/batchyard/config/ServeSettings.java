package dev.batchyard.config;

import dev.batchyard.sink.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code serve} section of {@code config.yaml}: what {@code batchyard serve} listens on and
 * whom it lets in. Read and checked by {@link ServeSection}; every value here is valid on its own
 * (whether a non-loopback {@code listen} has TLS and tokens is checked when the server starts, as
 * {@code --listen} may change it). Immutable; prints no token.
 *
 * @param listen         host and port, {@code 127.0.0.1:7431} by default
 * @param tls            the server's certificate chain and private key (PEM), when HTTPS is wanted
 * @param tokens         who may call, and as what; empty means nobody needs a token (loopback only)
 * @param lokiSink       the sink a Loki push without a tenant is stored for ({@code ingest.loki.sink})
 * @param lokiTenants    tenant ({@code X-Scope-OrgID}) to sink ({@code ingest.loki.tenants})
 * @param retryAfter     what a back-pressure answer (429) tells the client to wait
 * @param logFile        the log file besides stderr; empty means {@code serve.log} in the store directory
 */
public record ServeSettings(
        String listen,
        Optional<TlsFiles> tls,
        List<ApiToken> tokens,
        Optional<String> lokiSink,
        Map<String, String> lokiTenants,
        Limits limits,
        Duration retryAfter,
        Optional<Path> logFile) {

    public static final String DEFAULT_LISTEN = "127.0.0.1:7431";

    public ServeSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(tls, "tls");
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(lokiSink, "lokiSink");
        lokiTenants = Map.copyOf(lokiTenants);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(logFile, "logFile");
    }

    /** No {@code serve} section: loopback, no TLS, no tokens, pushes go to a sink named {@code loki}. */
    public static ServeSettings defaults() {
        return new ServeSettings(DEFAULT_LISTEN, Optional.empty(), List.of(), Optional.of("loki"), Map.of(),
                Limits.DEFAULTS, Duration.ofSeconds(5), Optional.empty());
    }

    /** PEM files: the certificate chain (leaf first) and its private key (PKCS #8, or PKCS #1 for RSA). */
    public record TlsFiles(Path certFile, Path keyFile) {
        public TlsFiles {
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
        }
    }

    /** What a token's holder may do. */
    public enum Role {
        /** Read everything: batches, stats, sinks, audit, events, metrics. */
        VIEWER,
        /** Push batches (Loki push, {@code POST /api/v1/batches}) and nothing else: the token a log shipper holds. */
        INGEST,
        /** Read, push, and change: retry, discard, reroute, pause, cleanup. */
        OPERATOR
    }

    /** One caller: a name (the actor in the audit trail), a role, and the secret it sends. */
    public record ApiToken(String name, Role role, Secret token) {
        public ApiToken {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * Bounds on one request.
     *
     * @param maxBodyBytes    a body as sent ({@code limits.max_body_bytes}, 16 MiB)
     * @param maxDecodedBytes a body once decompressed ({@code limits.max_decoded_bytes}, 64 MiB)
     * @param requestTimeout  reading a whole body ({@code limits.request_timeout}, 60s)
     * @param idleTimeout     a connection with nothing coming ({@code limits.idle_timeout}, 30s)
     */
    public record Limits(int maxBodyBytes, int maxDecodedBytes, Duration requestTimeout, Duration idleTimeout) {
        public static final Limits DEFAULTS = new Limits(16 * 1024 * 1024, 64 * 1024 * 1024,
                Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "ServeSettings[listen=" + listen + ", tls=" + tls + ", tokens="
                + tokens.stream().map(t -> t.name() + ":" + t.role()).toList() + ", lokiSink=" + lokiSink
                + ", lokiTenants=" + lokiTenants + ", limits=" + limits + ", retryAfter=" + retryAfter
                + ", logFile=" + logFile + "]";
    }
}
