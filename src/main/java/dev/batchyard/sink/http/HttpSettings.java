package dev.batchyard.sink.http;

import dev.batchyard.sink.ConfigNode;
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
 * {@code auth}, {@code tls}. {@link #toString()} and {@link #redactedUrl()} hide secrets: auth,
 * header values that carry credentials, and passwords inside the URL.
 */
public record HttpSettings(URI url, Duration timeout, Map<String, String> headers, HttpAuth auth, TlsSettings tls) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Headers the JDK client sets itself and refuses to take from us. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final List<String> SENSITIVE = List.of("authorization", "token", "key", "secret", "cookie", "password");

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
        return new HttpSettings(parseUrl(sink, key, url), sink.duration("timeout", DEFAULT_TIMEOUT, true),
                headers(sink), HttpAuth.read(sink), TlsSettings.read(sink));
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
        for (String name : headers.keySet()) {
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw sink.child("headers").invalid(name, "(value hidden)", "is set by the HTTP client itself; remove it");
            }
        }
        return headers;
    }

    /** Everything to scrub from reasons shown to people. */
    public List<Secret> secrets() {
        List<Secret> out = new ArrayList<>(auth.secrets());
        headers.forEach((k, v) -> {
            if (isSensitive(k)) {
                out.add(Secret.of(v));
            }
        });
        if (url.getRawUserInfo() != null) {
            out.add(Secret.of(url.getRawUserInfo()));
        }
        return out;
    }

    public String redactedUrl() {
        return redact(url.toString());
    }

    static boolean isSensitive(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        return SENSITIVE.stream().anyMatch(h::contains);
    }

    /** The URL without user info (which may hold a password). */
    static String redact(String url) {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1****@");
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((k, v) -> shown.put(k, isSensitive(k) ? "****" : v));
        return "HttpSettings[url=" + redactedUrl() + ", timeout=" + timeout + ", headers=" + shown
                + ", auth=" + auth + ", tls=" + tls + "]";
    }
}
