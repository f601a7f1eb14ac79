package dev.batchyard.sink.http;

import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.FailureReasonScrubber;
import dev.batchyard.sink.Secret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request body to one endpoint of an HTTP sink, asynchronously, with the configured
 * headers, auth and timeout, and classifies the answer. One per sink; thread-safe (the JDK client
 * is).
 *
 * <p><b>Bounds.</b> The whole exchange, the response body included, takes at most the sink's
 * {@code timeout}: when it runs out the request is cancelled, which drops the connection (the JDK's
 * own request timeout stops at the response headers, so a server trickling its body would
 * otherwise hold the batch for ever). At most {@code bodyLimit} bytes of the body are read
 * ({@link #REASON_BODY_LIMIT} unless the sink needs more, as Elasticsearch's bulk answer does).
 *
 * <p>Every reason it produces has the sink's secrets scrubbed out ({@link FailureReasonScrubber});
 * the sink layer scrubs again at its boundary, for reasons that do not come from here.
 */
public final class HttpPoster {
    /**
     * Bytes of a response body read for a failure reason: the reason quotes its first
     * {@value ResponseClassifier#EXCERPT} characters, which 8 KiB holds even when every
     * character takes 4 bytes and the body starts with blank lines.
     */
    public static final int REASON_BODY_LIMIT = 8 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpPoster.class);

    private final HttpClient client;
    private final HttpSettings settings;
    private final List<Secret> secrets;
    private final FailureReasonScrubber scrubber;

    public HttpPoster(HttpSettings settings, String key) {
        this(settings, key, List.of());
    }

    /** @param extraSecrets credentials the sink sends itself (Splunk's token), to scrub as well */
    public HttpPoster(HttpSettings settings, String key, List<Secret> extraSecrets) {
        this.settings = settings;
        List<Secret> all = new ArrayList<>(settings.secrets());
        all.addAll(extraSecrets);
        this.secrets = List.copyOf(all);
        this.scrubber = new FailureReasonScrubber(secrets);
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout());
        if (settings.usesTls()) {
            b.sslContext(TlsContexts.forSettings(settings.tls(), key));
            if (!settings.tls().verifyCertificate()) {
                LOG.warn("{}: tls.verify_certificate is false: the server's certificate and host name are NOT"
                        + " checked, so anyone on the network path to {} can read and change what is sent,"
                        + " credentials included. Use it for tests only; set ca_file for a private CA.",
                        key, settings.redactedUrl());
            }
        }
        this.client = b.build();
    }

    /** {@link #post(URI, String, byte[], Map, int, BiFunction)} reading at most {@link #REASON_BODY_LIMIT}. */
    public CompletableFuture<DeliveryOutcome> post(URI uri, String contentType, byte[] body,
                                                   Map<String, String> extraHeaders,
                                                   BiFunction<String, ResponseBody, DeliveryOutcome> on2xx) {
        return post(uri, contentType, body, extraHeaders, REASON_BODY_LIMIT, on2xx);
    }

    /**
     * POSTs {@code body}; a 2xx answer is handed to {@code on2xx} (which may still find a failure
     * inside it, as Elasticsearch's bulk answer can), anything else is classified by status. The
     * future always completes normally, within the sink's timeout.
     */
    public CompletableFuture<DeliveryOutcome> post(URI uri, String contentType, byte[] body,
                                                   Map<String, String> extraHeaders, int bodyLimit,
                                                   BiFunction<String, ResponseBody, DeliveryOutcome> on2xx) {
        return post(uri, contentType, body, extraHeaders, bodyLimit, on2xx, Refusals.BY_STATUS);
    }

    /**
     * Reads a 4xx or 5xx answer that may say which entries were refused (Loki's 400, Splunk's
     * {@code invalid-event-number}); empty leaves it to the status ({@link ResponseClassifier}).
     */
    @FunctionalInterface
    interface Refusals {
        Refusals BY_STATUS = (target, status, body) -> Optional.empty();

        Optional<DeliveryOutcome> read(String target, int status, ResponseBody body);
    }

    /** As above; a refusal (a status of 400 or more) is first offered to {@code refusals}. */
    CompletableFuture<DeliveryOutcome> post(URI uri, String contentType, byte[] body, Map<String, String> extraHeaders,
                                            int bodyLimit, BiFunction<String, ResponseBody, DeliveryOutcome> on2xx,
                                            Refusals refusals) {
        String target = HttpSettings.redact(uri.toString());
        AtomicBoolean timedOut = new AtomicBoolean();
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                    .timeout(settings.timeout())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            settings.headers().forEach(req::setHeader);
            settings.auth().header().ifPresent(h -> req.setHeader("Authorization", h));
            extraHeaders.forEach(req::setHeader);
            req.setHeader("Content-Type", contentType);
            CompletableFuture<HttpResponse<ResponseBody>> exchange =
                    client.sendAsync(req.build(), BoundedBody.handler(bodyLimit));
            // the timer holds the exchange only until it ends, not for the whole timeout after
            AtomicReference<CompletableFuture<?>> running = new AtomicReference<>(exchange);
            exchange.whenComplete((r, e) -> running.set(null));
            CompletableFuture.delayedExecutor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                CompletableFuture<?> stillRunning = running.getAndSet(null);
                if (stillRunning != null) {
                    timedOut.set(true);
                    stillRunning.cancel(true); // aborts the exchange: the connection is closed
                }
            });
            return exchange
                    .handle((resp, err) -> err != null
                            ? ResponseClassifier.forError(target, err, settings.timeout(), timedOut.get())
                            : classify(target, resp, on2xx, refusals))
                    .thenApply(scrubber::scrub);
        } catch (RuntimeException e) {
            // a header the client refuses: its message quotes the value, which the scrubber hides
            return CompletableFuture.completedFuture(
                    scrubber.scrub(ResponseClassifier.forError(target, e, settings.timeout(), false)));
        }
    }

    private static DeliveryOutcome classify(String target, HttpResponse<ResponseBody> resp,
                                            BiFunction<String, ResponseBody, DeliveryOutcome> on2xx, Refusals refusals) {
        int status = resp.statusCode();
        if (status >= 400) {
            Optional<DeliveryOutcome> perEntry = refusals.read(target, status, resp.body());
            if (perEntry.isPresent()) {
                return perEntry.get();
            }
        }
        if (status >= 200 && status < 300) {
            return on2xx.apply(target, resp.body());
        }
        if (status >= 300 && status < 400) {
            return ResponseClassifier.forRedirect(target, status, resp.headers().firstValue("Location").orElse(null));
        }
        return ResponseClassifier.forStatus(target, status, resp.body().text());
    }

    /** Every credential this poster sends: for the sink's {@link dev.batchyard.sink.Sink#secrets()}. */
    public List<Secret> secrets() {
        return secrets;
    }

    public HttpSettings settings() {
        return settings;
    }
}
