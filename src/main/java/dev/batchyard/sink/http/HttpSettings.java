package dev.batchyard.sink.http;

import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.Redaction;
import dev.batchyard.sink.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every HTTP sink shares: base {@code url}, {@code timeout}, extra {@code headers},
 * {@code auth}, {@code tls}. {@link #toString()} and {@link #redactedUrl()} hide secrets by the
 * rule of {@link Redaction}: auth, sensitive headers' values, and credentials in the URL (user
 * info, sensitive query parameters).
 *
 * <p>Checked when read: header names must be HTTP tokens and values one line of Latin-1 text (the
 * JDK client refuses anything else, quoting the value in its exception); {@code tls.enabled: true}
 * needs an {@code https://} URL, as it would otherwise send plain text.
 */
public record HttpSettings(URI url, Duration timeout, Map<String, String> headers, HttpAuth auth, TlsSettings tls) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Headers the JDK client sets itself and refuses to take from us. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    /** RFC 9110 {@code token}: what a header name may be made of. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public HttpSettings {
        headers = Map.copyOf(headers);
    }

    /**
     * Reads the shared keys of one sink. The URL is {@code url}, or the first of {@code urls}
     * (the Go agent's Elasticsearch shape).
     */
    public static HttpSettings read(ConfigNode sink) {
        String key = "url";
        String url = sink.text("url", "");
        if (url.isBlank() && !sink.textList("urls").isEmpty()) {
            key = "urls";
            url = sink.textList("urls").get(0);
        }
        URI uri = parseUrl(sink, key, url);
        TlsSettings tls = TlsSettings.read(sink);
        if (tls.enabled() && "http".equalsIgnoreCase(uri.getScheme())) {
            throw sink.invalid(key, redact(uri.toString()), "is http:// while tls.enabled is true, so requests would go"
                    + " out as plain text; use the https:// URL, or set tls.enabled: false to send plain text knowingly");
        }
        return new HttpSettings(uri, sink.duration("timeout", DEFAULT_TIMEOUT, true),
                headers(sink), HttpAuth.read(sink), tls);
    }

    private static URI parseUrl(ConfigNode sink, String key, String text) {
        String shown = redact(text);
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the key
        }
        throw sink.invalid(key, shown, "must be an http:// or https:// URL with a host, e.g. http://loki:3100");
    }

    private static Map<String, String> headers(ConfigNode sink) {
        Map<String, String> headers = new LinkedHashMap<>(sink.stringMap("headers"));
        ConfigNode node = sink.child("headers");
        headers.forEach((name, value) -> {
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw node.invalid(name, ConfigNode.HIDDEN, "is set by the HTTP client itself; remove it");
            }
            if (!TOKEN.matcher(name).matches()) {
                throw node.invalid(name, ConfigNode.HIDDEN, "is not a valid header name (letters, digits and !#$%&'*+.^_`|~- only)");
            }
            String problem = Secret.headerProblem(value);
            if (problem != null) {
                throw node.invalid(name, Redaction.isSensitiveHeader(name, value) ? ConfigNode.HIDDEN : value, problem);
            }
        });
        return headers;
    }

    /** Everything to scrub from reasons shown to people. */
    public List<Secret> secrets() {
        List<Secret> out = new ArrayList<>(auth.secrets());
        headers.forEach((k, v) -> {
            if (Redaction.isSensitiveHeader(k, v)) {
                out.add(Secret.of(v));
            }
        });
        if (url.getRawUserInfo() != null) {
            out.add(Secret.of(url.getRawUserInfo()));
        }
        String query = url.getRawQuery();
        if (query != null) {
            for (String pair : query.split("[&;]")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && Redaction.isSensitiveName(pair.substring(0, eq))) {
                    out.add(Secret.of(pair.substring(eq + 1)));
                }
            }
        }
        return out;
    }

    /** Whether requests go out over TLS: {@code tls.enabled}, or an {@code https://} URL. */
    public boolean usesTls() {
        return tls.enabled() || "https".equalsIgnoreCase(url.getScheme());
    }

    /**
     * What a sink's description adds about its TLS: a loud note when certificates are not checked,
     * else nothing.
     */
    public String tlsNote() {
        return usesTls() && !tls.verifyCertificate()
                ? " — TLS NOT VERIFIED: verify_certificate is false, any certificate and host name is accepted" : "";
    }

    public String redactedUrl() {
        return redact(url.toString());
    }

    /** The URL without its credentials: user info and sensitive query values ({@link Redaction#url}). */
    static String redact(String url) {
        return Redaction.url(url);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((k, v) -> shown.put(k, Redaction.isSensitiveHeader(k, v) ? Redaction.MASK : v));
        return "HttpSettings[url=" + redactedUrl() + ", timeout=" + timeout + ", headers=" + shown
                + ", auth=" + auth + ", tls=" + tls + "]";
    }
}
