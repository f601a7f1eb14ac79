package dev.batchyard.connections;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A running {@code batchyard serve}, reached over its admin API.
 *
 * @param url       the server's base address: {@code https://host:port}, or {@code http://} to a
 *                  loopback address only (a bearer token must not cross a network in clear); no
 *                  user, query or fragment (a secret in a URL would be kept in plain text)
 * @param tokenFile the file holding the bearer token, absolute; empty for a server that asks for none.
 *                  The token itself is never kept here.
 * @param caFile    the PEM file of the CA that signed the server's certificate, absolute; empty for
 *                  the JDK's trusted CAs
 */
public record RemoteConnection(String name, Environment environment, URI url, Optional<Path> tokenFile,
                               Optional<Path> caFile) implements Connection {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public RemoteConnection {
        name = ConnectionNames.check(name);
        Objects.requireNonNull(environment, "environment");
        url = checkUrl(url);
        tokenFile = Objects.requireNonNull(tokenFile, "tokenFile").map(f -> Paths.absolute(f, "token_file"));
        caFile = Objects.requireNonNull(caFile, "caFile").map(f -> Paths.absolute(f, "ca_file"));
    }

    @Override
    public RemoteConnection renamed(String newName) {
        return new RemoteConnection(newName, environment, url, tokenFile, caFile);
    }

    private static URI checkUrl(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("url: an address is needed, e.g. https://host:7431");
        }
        String shown = ConnectionNames.printable(url.toString());
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("url: '" + shown + "' is not an http or https address");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException("url: '" + shown + "' names no host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url: '" + shown.replace(url.getRawUserInfo() + "@", "…@")
                    + "' has a user in it: give the token in a token file instead");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("url: '" + shown + "' has a query or fragment: give the server's base address only");
        }
        if (scheme.equals("http") && !LOOPBACK.contains(url.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("url: '" + shown + "' is plain http to another machine: the token would cross the "
                    + "network in clear; use https (serve refuses a non-loopback address without TLS too)");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return URI.create(scheme + "://" + url.getRawAuthority() + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
    }
}
