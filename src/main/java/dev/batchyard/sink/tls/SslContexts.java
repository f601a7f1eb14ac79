package dev.batchyard.sink.tls;

import dev.batchyard.engine.ConfigException;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The {@link SSLContext} a sink's {@code tls} block asks for. Trust: the JDK's trust store by
 * default, the CAs in {@code ca_file}, or (with {@code verify_certificate: false}) any certificate,
 * which the Go agent allows for test setups (host names are then not checked either). Identity:
 * the client certificate chain in {@code cert_file} with its key in {@code key_file}, for servers
 * that ask for one. Files are read once, when the config is loaded; a bad one is a
 * {@link ConfigException} naming its key.
 */
public final class SslContexts {
    private static final char[] NO_PASSWORD = new char[0];

    private SslContexts() {
    }

    /**
     * @param prefix   the {@code tls} block's dotted key, for errors ({@code sinks.kafka.tls})
     * @param caFile   {@code null}: the JDK's trust store
     * @param certFile {@code null} (then {@code keyFile} too): no client certificate
     */
    public static SSLContext of(String prefix, boolean verify, Path caFile, Path certFile, Path keyFile) {
        try {
            TrustManager[] trust = !verify ? new TrustManager[] {new TrustAll()}
                    : caFile == null ? null : fromCaFile(caFile, prefix + ".ca_file");
            KeyManager[] identity = certFile == null ? null : identity(prefix, certFile, keyFile);
            if (trust == null && identity == null) {
                return SSLContext.getDefault();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(identity, trust, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException(prefix, caFile == null ? "" : caFile.toString(),
                    "cannot be used for TLS: " + e.getMessage());
        }
    }

    private static TrustManager[] fromCaFile(Path caFile, String key) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (X509Certificate c : PemFiles.certificates(caFile, key)) {
            store.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    private static KeyManager[] identity(String prefix, Path certFile, Path keyFile)
            throws GeneralSecurityException, IOException {
        List<X509Certificate> chain = PemFiles.certificates(certFile, prefix + ".cert_file");
        PrivateKey key = PemFiles.privateKey(keyFile, prefix + ".key_file");
        if (!matches(key, chain.get(0))) {
            throw new ConfigException(prefix + ".key_file", keyFile.toString(), "is not the key of the certificate in "
                    + certFile + " (the first one, " + chain.get(0).getSubjectX500Principal().getName() + ")");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, NO_PASSWORD);
        return kmf.getKeyManagers();
    }

    /**
     * Whether {@code key} is the private half of the certificate's public key: it signs a probe
     * that the certificate's key verifies. Checked at load, as a mismatch would otherwise only show
     * as a TLS handshake the server breaks off without saying why.
     */
    private static boolean matches(PrivateKey key, X509Certificate cert) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // Ed25519, EdDSA
        };
        byte[] probe = "batchyard key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (java.security.InvalidKeyException e) {
            return false; // a key of another algorithm than the certificate's
        }
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
