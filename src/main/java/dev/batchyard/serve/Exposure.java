package dev.batchyard.serve;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.engine.ConfigException;

/**
 * Who can reach the server decides what it needs: on a loopback address it may run without TLS
 * and without tokens (only this machine's users and processes reach it); on any other address it
 * must have both, or anyone on the network could read the logs in transit, push batches or
 * discard them. Checked at start, after {@code --listen} has had its say.
 */
final class Exposure {
    private Exposure() {
    }

    /** @throws ConfigException naming {@code serve.listen} and what is missing */
    static void check(ListenAddress listen, ServeSettings settings) {
        if (listen.isLoopback()) {
            return;
        }
        String missing = settings.tls().isEmpty() && settings.tokens().isEmpty() ? "serve.tls and serve.tokens"
                : settings.tls().isEmpty() ? "serve.tls (cert_file and key_file)"
                : settings.tokens().isEmpty() ? "at least one token in serve.tokens" : null;
        if (missing != null) {
            throw new ConfigException("serve.listen", listen.toString(), "is not a loopback address; listening on it"
                    + " needs " + missing + ", or anyone on the network could read and change the store");
        }
    }
}
