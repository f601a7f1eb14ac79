package dev.batchyard.remote;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The HTTP exchanges of one remote console: JSON requests with the bearer token, each bounded in
 * time (headers and body together, {@link RemoteEndpoint#requestTimeout()}) and in size
 * ({@link RemoteEndpoint#maxAnswerBytes()}), whatever the peer does. Every exchange moves the
 * {@link Connection}'s state. A transport failure becomes {@link Unreachable} naming the URL; what
 * the server answered is left to the caller ({@link Answer}). Thread-safe.
 */
final class AdminHttp {
    /** The server could not be reached, did not answer in time, or its answer could not be read. */
    static final class Unreachable extends dev.batchyard.engine.store.StoreException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What the server answered: its status, its body as JSON (empty object when it had none), one header. */
    record Answer(int status, JsonNode body, String retryAfter) {
        /** The server's own words ({@code error}), cleaned of control characters and cut short. */
        String error() {
            return Texts.clean(body.path("error").asText("(no error message)"));
        }

        String kind() {
            return body.path("kind").asText("");
        }
    }

    private final RemoteEndpoint endpoint;
    private final Connection connection;
    private final HttpClient client;
    /** Exact decimals: entries' numbers go back to the Go JSON codec digit for digit. */
    private final ObjectMapper json = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    AdminHttp(RemoteEndpoint endpoint, Connection connection) {
        this.endpoint = endpoint;
        this.connection = connection;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        endpoint.caFile().ifPresent(ca -> builder.sslContext(trusting(ca)));
        this.client = builder.build();
    }

    ObjectMapper json() {
        return json;
    }

    HttpClient client() {
        return client;
    }

    RemoteEndpoint endpoint() {
        return endpoint;
    }

    /** The base URL, as messages name the store. */
    String location() {
        return endpoint.baseUrl().toString();
    }

    /** A request to {@code pathAndQuery} with the token, accepting {@code accept}. */
    HttpRequest.Builder request(String pathAndQuery, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery)).header("Accept", accept);
        endpoint.token().ifPresent(t -> b.header("Authorization", t.header()));
        return b;
    }

    Answer get(String pathAndQuery) {
        return send(request(pathAndQuery, "application/json").GET().build());
    }

    Answer post(String path, Object body) {
        byte[] bytes;
        try {
            bytes = body instanceof byte[] raw ? raw : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path, "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    private Answer send(HttpRequest request) {
        String what = request.method() + " " + request.uri();
        CappedBody[] body = new CappedBody[1];
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, info -> {
            body[0] = new CappedBody(endpoint.maxAnswerBytes());
            return body[0];
        });
        HttpResponse<byte[]> response;
        try {
            response = answer.get(endpoint.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            if (body[0] != null) {
                body[0].cancel();
            }
            throw unreachable(what + ": no whole answer within " + Texts.seconds(endpoint.requestTimeout())
                    + " (the server is overloaded, stalled, or something between drips the answer)", e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new dev.batchyard.engine.store.StoreException(what + ": interrupted", e);
        } catch (ExecutionException e) {
            throw unreachable(what + ": " + transportProblem(e.getCause()), e.getCause());
        }
        JsonNode node;
        byte[] bytes = response.body();
        try {
            node = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            throw unreachable(what + " answered " + response.statusCode() + " with a body that is not JSON ("
                    + Texts.clean(e.getMessage()) + "): is this the admin API of batchyard serve?", e);
        }
        if (node == null || !node.isObject()) {
            throw unreachable(what + " answered " + response.statusCode() + " with JSON that is not an object:"
                    + " is this the admin API of batchyard serve?", null);
        }
        if (response.statusCode() >= 500) {
            connection.failed(what + " answered " + response.statusCode());
        } else {
            connection.succeeded();
        }
        return new Answer(response.statusCode(), node, response.headers().firstValue("Retry-After").orElse(null));
    }

    /** Marks the connection failed and makes the exception saying so. */
    Unreachable unreachable(String message, Throwable cause) {
        connection.failed(message);
        return new Unreachable(message, cause);
    }

    /** A transport failure in words, naming what an operator can check. */
    static String transportProblem(Throwable e) {
        if (e instanceof CappedBody.TooLarge) {
            return e.getMessage() + ": refused (is this the admin API of batchyard serve?)";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "could not connect in time (" + Texts.clean(e.getMessage()) + ")";
        }
        if (e instanceof ConnectException) {
            return "cannot connect: nothing listens there, or a firewall refuses (is batchyard serve running?)";
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + Texts.clean(e.getMessage()) + " (is the CA file the one that signed the"
                    + " server's certificate, and the URL's host the one the certificate names?)";
        }
        if (e instanceof IOException) {
            return "the connection failed: " + Texts.clean(String.valueOf(e.getMessage()));
        }
        return Texts.clean(String.valueOf(e));
    }

    private static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("the CA file " + caFile + " holds no certificate (PEM expected)");
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA file " + caFile + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the CA file " + caFile + " is not a PEM certificate: "
                    + e.getMessage(), e);
        }
    }
}
