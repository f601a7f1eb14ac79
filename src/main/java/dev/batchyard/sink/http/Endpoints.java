package dev.batchyard.sink.http;

import java.net.URI;

/**
 * Joins a configured base URL and an API path without doubling or losing the slash between them.
 * A query on the base URL (a gateway's {@code ?api_key=...}) stays at the end, after the path.
 */
final class Endpoints {
    private Endpoints() {
    }

    static URI join(URI base, String path) {
        String b = base.toString();
        String query = "";
        int q = b.indexOf('?');
        if (q >= 0) {
            query = b.substring(q);
            b = b.substring(0, q);
        }
        if (path == null || path.isEmpty() || b.endsWith(path)) {
            return base;
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) + p : b + p) + query);
    }
}
