package dev.batchyard.app.connections;

import dev.batchyard.connections.RemoteConnection;
import dev.batchyard.remote.BearerToken;
import dev.batchyard.remote.RemoteEndpoint;
import java.io.UncheckedIOException;

/** Where a saved remote connection reaches its server, with the token read from its file now. */
public final class ConnectionEndpoints {
    private ConnectionEndpoints() {
    }

    /**
     * The endpoint of {@code connection}: its URL, the token in its token file (read each time, so a
     * rotated token is picked up), its CA file, and the default timeouts.
     *
     * @throws UncheckedIOException     when the token file cannot be read
     * @throws IllegalArgumentException when it holds no usable token
     */
    public static RemoteEndpoint of(RemoteConnection connection) {
        BearerToken token = connection.tokenFile().map(BearerToken::fromFile).orElse(null);
        RemoteEndpoint endpoint = RemoteEndpoint.of(connection.url().toString(), token);
        return connection.caFile().map(endpoint::withCaFile).orElse(endpoint);
    }
}
