package dev.batchyard.sink.http;

import dev.batchyard.engine.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The {@link SSLContext} a sink's {@code tls} block asks for: the JDK's trust store by default,
 * the CAs in {@code ca_file}, or (with {@code verify_certificate: false}) trust in any certificate,
 * which the Go agent allows for test setups (then host names are not checked either).
 */
final class TlsContexts {
    private TlsContexts() {
    }

    static SSLContext forSettings(TlsSettings tls, String key) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            if (!tls.verifyCertificate()) {
                ctx.init(null, new TrustManager[] {new TrustAll()}, null);
            } else if (tls.caFile() != null) {
                ctx.init(null, fromCaFile(tls, key).getTrustManagers(), null);
            } else {
                return SSLContext.getDefault();
            }
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException(key + ".tls.ca_file", String.valueOf(tls.caFile()),
                    "cannot be used as a CA file: " + e.getMessage());
        }
    }

    private static TrustManagerFactory fromCaFile(TlsSettings tls, String key)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(tls.caFile())) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new ConfigException(key + ".tls.ca_file", tls.caFile().toString(), "holds no certificate");
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf;
    }

    /**
     * Accepts any server certificate and host name, like Go's {@code InsecureSkipVerify}: only when
     * the config says {@code verify_certificate: false}. It is an extended trust manager because the
     * JDK wraps a plain one in a host-name check.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
