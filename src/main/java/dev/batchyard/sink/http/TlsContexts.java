package dev.batchyard.sink.http;

import dev.batchyard.sink.tls.SslContexts;
import javax.net.ssl.SSLContext;

/**
 * The {@link SSLContext} an HTTP sink's {@code tls} block asks for: the JDK's trust store by
 * default, the CAs in {@code ca_file}, or (with {@code verify_certificate: false}) trust in any
 * certificate ({@link SslContexts}, shared with the kafka sink).
 */
final class TlsContexts {
    private TlsContexts() {
    }

    static SSLContext forSettings(TlsSettings tls, String key) {
        return SslContexts.of(key + ".tls", tls.verifyCertificate(), tls.caFile(), null, null);
    }
}
