package dev.batchyard.sink.http;

import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Sends one request body to one endpoint of an HTTP sink, asynchronously, with the configured
 * headers, auth and timeout, and classifies the answer. Every reason it produces has the sink's
 * secrets scrubbed out. One per sink; thread-safe (the JDK client is).
 */
public final class HttpPoster {
    private final HttpClient client;
    private final HttpSettings settings;
    private final List<Secret> secrets;

    public HttpPoster(HttpSettings settings, String key) {
        this.settings = settings;
        this.secrets = settings.secrets();
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout());
        if (settings.tls().enabled() || "https".equalsIgnoreCase(settings.url().getScheme())) {
            b.sslContext(TlsContexts.forSettings(settings.tls(), key));
        }
        this.client = b.build();
    }

    /**
     * POSTs {@code body}; a 2xx answer is handed to {@code on2xx} (which may still find a failure
     * inside it, as Elasticsearch's bulk answer can), anything else is classified by status.
     */
    public CompletableFuture<DeliveryOutcome> post(URI uri, String contentType, byte[] body,
                                                   Map<String, String> extraHeaders,
                                                   BiFunction<String, String, DeliveryOutcome> on2xx) {
        String target = HttpSettings.redact(uri.toString());
        HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        settings.headers().forEach(req::setHeader);
        settings.auth().header().ifPresent(h -> req.setHeader("Authorization", h));
        extraHeaders.forEach(req::setHeader);
        req.setHeader("Content-Type", contentType);
        try {
            return client.sendAsync(req.build(), HttpResponse.BodyHandlers.ofString())
                    .handle((resp, err) -> err != null
                            ? ResponseClassifier.forError(target, err, settings.timeout())
                            : classify(target, resp, on2xx))
                    .thenApply(this::scrub);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(scrub(ResponseClassifier.forError(target, e, settings.timeout())));
        }
    }

    private static DeliveryOutcome classify(String target, HttpResponse<String> resp,
                                            BiFunction<String, String, DeliveryOutcome> on2xx) {
        int status = resp.statusCode();
        if (status >= 200 && status < 300) {
            return on2xx.apply(target, resp.body());
        }
        return ResponseClassifier.forStatus(target, status, resp.body());
    }

    private DeliveryOutcome scrub(DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Failed f) {
            String reason = f.reason();
            for (Secret s : secrets) {
                reason = s.redactFrom(reason);
            }
            return new DeliveryOutcome.Failed(reason, f.retryable());
        }
        return outcome;
    }

    public HttpSettings settings() {
        return settings;
    }
}
